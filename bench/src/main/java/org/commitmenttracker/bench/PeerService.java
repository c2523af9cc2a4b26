package org.commitmenttracker.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.value.Money;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peer of issue 19: what a user would build instead of the tracker, a plain Spring Boot
 * service on the same stack (Tomcat, Spring Security with HTTP Basic and a cache of successful
 * checks like the services', Spring MVC with Micrometer's observations, Bean Validation,
 * Jackson, Hikari) that writes the row itself with {@code JdbcClient}. {@code append_crud}
 * posts the same disbursement body the tracker takes and gets an event-shaped row inserted
 * into {@code bench.peer_events} (a copy of the event table) and a 201; {@code detail_crud} gets
 * a commitment's stored detail from {@code query.commitment}, parsed and written by Jackson.
 * It runs in the bench's JVM, on the bench's PostgreSQL, beside the services, never in them.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration.class,
        org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration.class,
        org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration.class,
        org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration.class,
        org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration.class,
        org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration.class,
        org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration.class,
        org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration.class,
        org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration.class,
        org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration.class,
        org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration.class,
        org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration.class,
        org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration.class,
        org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration.class,
        org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration.class,
        org.springframework.boot.actuate.autoconfigure.observation.web.servlet.WebMvcObservationAutoConfiguration.class})
@Import(PeerService.Endpoints.class)
class PeerService {

    static final String TABLE = "bench.peer_events";

    /** Starts the peer on a random port, on the given database as the superuser, with the services' pool size. */
    static ConfigurableApplicationContext start(String jdbcUrl) {
        return new SpringApplicationBuilder(PeerService.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=16",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    /** The copy of the event table the peer writes to, with its own sequence; created before the peer takes writes. */
    static void createTable(BenchSystem system) {
        system.execute("CREATE SCHEMA IF NOT EXISTS bench",
                "CREATE TABLE IF NOT EXISTS " + TABLE + " (LIKE events.domain_event_entry INCLUDING ALL)",
                "CREATE SEQUENCE IF NOT EXISTS bench.peer_events_global_index_seq OWNED BY " + TABLE + ".global_index",
                "ALTER TABLE " + TABLE + " ALTER COLUMN global_index SET DEFAULT nextval('bench.peer_events_global_index_seq')");
    }

    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    SecurityFilterChain peerSecurity(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> { })
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/api/**").hasRole("OFFICER")
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    AuthenticationManager peerAuthentication() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("officer").password(encoder.encode("officer-local")).roles("OFFICER").build()));
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new RememberingProvider(dao));
    }

    /**
     * The services' approach to HTTP Basic (their {@code CachingAuthenticationProvider}): a
     * successful BCrypt check is remembered for a while under the user and a SHA-256 of the password.
     */
    static final class RememberingProvider implements AuthenticationProvider {
        private final AuthenticationProvider delegate;
        private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

        private record Remembered(Authentication authentication, Instant until) {
        }

        RememberingProvider(AuthenticationProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String key = authentication.getName() + ":" + sha256(String.valueOf(authentication.getCredentials()));
            Instant now = Instant.now();
            Remembered hit = remembered.get(key);
            if (hit != null && hit.until().isAfter(now)) {
                return hit.authentication();
            }
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                remembered.put(key, new Remembered(result, now.plusSeconds(300)));
            }
            return result;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The tracker's disbursement body (api.md), validated as a user's service would. */
    record Disbursement(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String disbursementId,
                        @NotNull @Valid Amount amount, @NotNull LocalDate disbursedOn,
                        @NotBlank @Size(max = 200) String recipient) {
    }

    record Amount(@NotNull @Pattern(regexp = "-?\\d{1,15}(\\.\\d{1,4})?") String value,
                  @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    record Answer(String commitmentId, long version, List<String> eventIds) {
    }

    @RestController
    static class Endpoints {
        private final JdbcClient jdbc;
        private final ObjectMapper json;

        Endpoints(JdbcClient jdbc, ObjectMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        /**
         * One event-shaped row per disbursement: the FundsDisbursed record's JSON as payload, the
         * actor and a correlation id as metadata, the stream's next sequence number (each bench
         * client owns its commitments, so no two requests race for one).
         */
        @PostMapping(path = "/api/commitments/{id}/disbursements", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Answer> disburse(@PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String id,
                                        @Valid @RequestBody Disbursement request, Authentication user)
                throws JsonProcessingException {
            FundsDisbursed event = new FundsDisbursed(id, request.disbursementId(),
                    Money.of(request.amount().value(), request.amount().currency()), request.disbursedOn(),
                    request.recipient(), null, null, null);
            String eventId = UUID.randomUUID().toString();
            long sequence = jdbc.sql("""
                            INSERT INTO bench.peer_events (event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
                            SELECT :eventId, :id, COALESCE(MAX(sequence_number), -1) + 1, 'Commitment', :timeStamp,
                                :payloadType, '1', :payload, :metaData
                            FROM bench.peer_events WHERE aggregate_identifier = :id
                            RETURNING sequence_number""")
                    .param("eventId", eventId)
                    .param("id", id)
                    .param("timeStamp", Instant.now().toString())
                    .param("payloadType", FundsDisbursed.class.getName())
                    .param("payload", json.writeValueAsBytes(event))
                    .param("metaData", json.writeValueAsBytes(Map.of("actor", user.getName(),
                            "correlationId", UUID.randomUUID().toString())))
                    .query(Long.class).single();
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header("Location", "/api/commitments/" + id + "/disbursements/" + request.disbursementId())
                    .body(new Answer(id, sequence + 1, List.of(eventId)));
        }

        @GetMapping(path = "/api/commitments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        JsonNode detail(@PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String id) throws JsonProcessingException {
            String detail = jdbc.sql("SELECT detail FROM query.commitment WHERE id = :id").param("id", id)
                    .query(String.class).optional()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no commitment " + id));
            return json.readTree(detail);
        }
    }
}
