package org.commitmenttracker.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Who may sign in with HTTP Basic, and how bearer tokens carry roles. {@code users} are configured per deployment, with encoded passwords
 * ({@code {bcrypt}...}), e.g. through {@code TRACKER_SECURITY_USERS_ALICE_PASSWORD} and
 * {@code TRACKER_SECURITY_USERS_ALICE_ROLES}. The four fixed users of the local stack come only
 * with the {@code local} profile.
 */
@ConfigurationProperties("tracker.security")
public record TrackerSecurityProperties(Map<String, User> users, Jwt jwt) {

    public TrackerSecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        jwt = jwt == null ? new Jwt(null) : jwt;
    }

    /**
     * Bearer tokens, when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or
     * {@code public-key-location}) is set: roles come from the claim {@code rolesClaim}, a
     * dotted path such as {@code realm_access.roles}; {@code roles} by default.
     */
    public record Jwt(String rolesClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        }
    }

    public record User(String password, List<Role> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
