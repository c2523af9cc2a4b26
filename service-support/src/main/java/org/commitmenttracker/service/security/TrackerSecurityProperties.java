package org.commitmenttracker.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Who may sign in. {@code users} are configured per deployment, with encoded passwords
 * ({@code {bcrypt}...}), e.g. through {@code TRACKER_SECURITY_USERS_ALICE_PASSWORD} and
 * {@code TRACKER_SECURITY_USERS_ALICE_ROLES}. The four fixed users of the local stack come only
 * with the {@code local} profile.
 */
@ConfigurationProperties("tracker.security")
public record TrackerSecurityProperties(Map<String, User> users) {

    public TrackerSecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record User(String password, List<Role> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
