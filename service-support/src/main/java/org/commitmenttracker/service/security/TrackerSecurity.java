package org.commitmenttracker.service.security;

import io.github.bucket4j.TimeMeter;
import org.commitmenttracker.service.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Authentication and the role rules shared by both services: HTTP Basic, stateless, every
 * refusal a problem document. Users come from {@link TrackerSecurityProperties}; the fixed
 * users of the local stack only with the {@code local} profile, and a deployment that
 * configures them otherwise refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrackerSecurityProperties.class)
public class TrackerSecurity {

    private static final AuthenticationEntryPoint UNAUTHORIZED = (request, response, e) -> {
        if (e instanceof ThrottledAuthenticationProvider.LoginThrottled throttled) {
            long seconds = throttled.retryAfterSeconds();
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(response, request.getRequestURI(), 429, "Too many requests",
                    "Too many failed logins for this user or from this address; try again in " + seconds + " s.");
            return;
        }
        ProblemResponses.write(response, request.getRequestURI(), 401, "Unauthorized",
                "Sign in with HTTP Basic or a bearer token.");
    };

    /**
     * Request rules match by path pattern (Spring Security 7's default, opted into here) rather
     * than by asking Spring MVC's handler mappings for every rule of every request: those
     * lookups were 7 % of a command's CPU in the benchmark's profile.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, EndpointRules endpointRules,
                                    AuthenticationManager authenticationManager, ObjectProvider<JwtDecoder> jwtDecoder,
                                    TrackerSecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authenticationManager)
                .headers(headers -> {
                    // Written when the request comes in, not when the response commits: a stream's
                    // response commits on the thread that sends its events while the request's thread
                    // may still touch the headers, and Tomcat's headers are not thread-safe.
                    headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                        @Override
                        public <O extends HeaderWriterFilter> O postProcess(O filter) {
                            filter.setShouldWriteHeadersEagerly(true);
                            return filter;
                        }
                    });
                    headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                    PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                                    new StaticHeadersWriter("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")));
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(UNAUTHORIZED))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(UNAUTHORIZED)
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response,
                                request.getRequestURI(), 403, "Forbidden", "Your role may not do this.")));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            // Tokens get their own manager: the shared one knows only users and passwords.
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(new JwtRoles(properties.jwt()));
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(UNAUTHORIZED)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens))));
        }
        http.authorizeHttpRequests(rules -> {
            // Probes and build information need no credentials (they say nothing about the data).
            rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll();
            rules.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll();
            // A scraper gets a role of its own that may read the metrics and nothing else.
            rules.requestMatchers("/actuator/prometheus").hasAnyRole(Role.METRICS.name(), Role.ADMIN.name());
            rules.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
            endpointRules.apply(rules);
            rules.anyRequest().denyAll();
        });
        return http.build();
    }

    @Bean
    UserDetailsService trackerUsers(TrackerSecurityProperties properties, Environment environment) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        boolean local = environment.acceptsProfiles(Profiles.of(LocalUsers.PROFILE));
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((name, user) -> {
            if (!local && isFixedLocalUser(encoder, name, user.password())) {
                throw new IllegalStateException("User '" + name + "' has the fixed password of the local stack. "
                        + "Those users exist only in the local stack (profile 'local'); configure real users "
                        + "with encoded passwords (tracker.security.users.<name>.password={bcrypt}...).");
            }
            users.add(User.withUsername(name).password(user.password())
                    .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build());
        });
        if (local) {
            LocalUsers.USERS.forEach((name, role) -> users.add(User.withUsername(name)
                    .password(encoder.encode(LocalUsers.password(name))).roles(role.name()).build()));
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, TrackerSecurityProperties properties) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        // Failed logins are throttled before anything else is asked, the cache of successes included.
        LoginThrottle throttle = new LoginThrottle(properties.loginThrottle(), TimeMeter.SYSTEM_NANOTIME);
        return new ProviderManager(new ThrottledAuthenticationProvider(
                new CachingAuthenticationProvider(dao, Duration.ofMinutes(5), Clock.systemUTC()), throttle));
    }

    private static boolean isFixedLocalUser(PasswordEncoder encoder, String name, String encodedPassword) {
        if (!LocalUsers.USERS.containsKey(name) || encodedPassword == null) {
            return false;
        }
        try {
            return encoder.matches(LocalUsers.password(name), encodedPassword);
        } catch (IllegalArgumentException unknownEncoding) {
            return false;
        }
    }
}
