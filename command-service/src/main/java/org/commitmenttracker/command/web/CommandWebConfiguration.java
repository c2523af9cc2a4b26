package org.commitmenttracker.command.web;

import org.commitmenttracker.service.security.EndpointRules;
import org.commitmenttracker.service.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandContextResolver());
    }

    /** Every command endpoint belongs to officers (and admins), per api.md. */
    @Bean
    EndpointRules commandEndpointRules() {
        return rules -> {
            rules.requestMatchers(HttpMethod.POST, "/api/**").hasAnyRole(Role.OFFICER.name(), Role.ADMIN.name());
            rules.requestMatchers(HttpMethod.PATCH, "/api/**").hasAnyRole(Role.OFFICER.name(), Role.ADMIN.name());
            // No command answers these methods: a signed-in caller learns so from Spring MVC (405), not a 403.
            rules.requestMatchers(HttpMethod.GET, "/api/**").authenticated();
            rules.requestMatchers(HttpMethod.PUT, "/api/**").authenticated();
            rules.requestMatchers(HttpMethod.DELETE, "/api/**").authenticated();
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
