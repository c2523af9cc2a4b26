package org.commitmenttracker.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who may sign in with HTTP Basic, and how bearer tokens carry roles. {@code users} are configured per deployment, with encoded passwords
 * ({@code {bcrypt}...}), e.g. through {@code TRACKER_SECURITY_USERS_ALICE_PASSWORD} and
 * {@code TRACKER_SECURITY_USERS_ALICE_ROLES}. The four fixed users of the local stack come only
 * with the {@code local} profile.
 */
@ConfigurationProperties("tracker.security")
public record TrackerSecurityProperties(Map<String, User> users, Jwt jwt, LoginThrottling loginThrottle) {

    public TrackerSecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        jwt = jwt == null ? new Jwt(null) : jwt;
        loginThrottle = loginThrottle == null ? new LoginThrottling(null, null, null) : loginThrottle;
    }

    /**
     * Failed HTTP Basic logins allowed per user name ({@code perUser}) and per client address
     * ({@code perAddress}): {@code failures} at once, given back evenly over {@code period}; beyond,
     * 429 with {@code Retry-After}. {@code maxTracked} bounds the users and addresses remembered.
     */
    public record LoginThrottling(Limit perUser, Limit perAddress, Integer maxTracked) {
        public LoginThrottling {
            perUser = perUser == null ? new Limit(10, Duration.ofMinutes(5)) : perUser.orDefault(10, Duration.ofMinutes(5));
            perAddress = perAddress == null ? new Limit(30, Duration.ofMinutes(5))
                    : perAddress.orDefault(30, Duration.ofMinutes(5));
            maxTracked = maxTracked == null ? 50_000 : maxTracked;
            if (maxTracked < 1) {
                throw new IllegalArgumentException("tracker.security.login-throttle.max-tracked must be at least 1");
            }
        }

        public record Limit(Integer failures, Duration period) {
            public Limit {
                if (failures != null && failures < 1) {
                    throw new IllegalArgumentException("tracker.security.login-throttle: failures must be at least 1");
                }
                if (period != null && (period.isNegative() || period.isZero())) {
                    throw new IllegalArgumentException("tracker.security.login-throttle: period must be positive");
                }
            }

            Limit orDefault(int defaultFailures, Duration defaultPeriod) {
                return new Limit(failures == null ? defaultFailures : failures, period == null ? defaultPeriod : period);
            }
        }
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
