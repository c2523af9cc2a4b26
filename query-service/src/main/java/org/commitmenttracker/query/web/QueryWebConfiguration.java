package org.commitmenttracker.query.web;

import org.commitmenttracker.service.security.EndpointRules;
import org.commitmenttracker.service.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class QueryWebConfiguration {

    /** The role matrix of api.md for the query service. */
    @Bean
    EndpointRules queryEndpointRules() {
        String officer = Role.OFFICER.name();
        String auditor = Role.AUDITOR.name();
        String integrator = Role.INTEGRATOR.name();
        String admin = Role.ADMIN.name();
        return rules -> {
            // the log's checkpoints, key and proofs: anyone may verify (api.md)
            rules.requestMatchers(HttpMethod.GET, "/api/log/**").permitAll();
            // api.md "Public, without login": the published commitments, their IATI file and page.
            rules.requestMatchers(HttpMethod.GET, "/public", "/public/**").permitAll();
            rules.requestMatchers(HttpMethod.GET, "/api/commitments/*/history", "/api/commitments/*/state",
                    "/api/commitments/*/integrity", "/api/integrity", "/api/export").hasAnyRole(auditor, admin);
            rules.requestMatchers("/api/projections", "/api/projections/**", "/api/audit-log").hasRole(admin);
            rules.requestMatchers("/api/events", "/api/events/**", "/api/subscriptions", "/api/subscriptions/**")
                    .hasAnyRole(integrator, admin);
            rules.requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(officer, auditor, integrator, admin);
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
