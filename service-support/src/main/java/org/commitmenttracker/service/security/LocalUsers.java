package org.commitmenttracker.service.security;

import java.util.Map;

/**
 * The four fixed users of the local stack (api.md), and {@code metrics}, the scraper's. They
 * exist there and nowhere else.
 */
final class LocalUsers {

    static final String PROFILE = "local";

    static final Map<String, Role> USERS = Map.of(
            "officer", Role.OFFICER,
            "auditor", Role.AUDITOR,
            "integrator", Role.INTEGRATOR,
            "admin", Role.ADMIN,
            "metrics", Role.METRICS);

    private LocalUsers() {
    }

    static String password(String name) {
        return name + "-local";
    }
}
