package org.commitmenttracker.service.security;

/** The roles of api.md, and METRICS: a scraper such as Prometheus, which may read {@code /actuator/prometheus} only. */
public enum Role {
    OFFICER, AUDITOR, INTEGRATOR, ADMIN, METRICS
}
