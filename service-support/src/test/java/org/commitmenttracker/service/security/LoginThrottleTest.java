package org.commitmenttracker.service.security;

import io.github.bucket4j.TimeMeter;
import org.commitmenttracker.service.security.TrackerSecurityProperties.LoginThrottling;
import org.commitmenttracker.service.security.TrackerSecurityProperties.LoginThrottling.Limit;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15, finding 8: failed logins are throttled per user and per address, on a clock the test moves. */
class LoginThrottleTest {

    /** 3 failures per user, given back one every 20 s; 5 per address, one every 12 s. */
    private static final LoginThrottling LIMITS = new LoginThrottling(new Limit(3, Duration.ofSeconds(60)),
            new Limit(5, Duration.ofSeconds(60)), 1000);

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

    @Test
    void aUserIsRefusedFromEveryAddressOnceItsFailuresAreSpentUntilOneRefills() {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.2");
        assertThat(throttle.refusal("alice", "10.0.0.3")).isEmpty();
        throttle.failed("alice", "10.0.0.3");

        assertThat(throttle.refusal("alice", "10.0.0.1")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
        assertThat(throttle.refusal("alice", "10.0.0.9")).isPresent();
        assertThat(throttle.refusal("ALICE", "10.0.0.9")).as("user names are case-insensitive").isPresent();
        assertThat(throttle.refusal("bob", "10.0.0.1")).as("another user from the same address").isEmpty();

        advance(Duration.ofSeconds(19));
        assertThat(throttle.refusal("alice", "10.0.0.9")).hasValueSatisfying(wait ->
                assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)));
        advance(Duration.ofSeconds(1));
        assertThat(throttle.refusal("alice", "10.0.0.9")).isEmpty();
        throttle.failed("alice", "10.0.0.9");
        assertThat(throttle.refusal("alice", "10.0.0.9")).as("one failure refilled, one spent").isPresent();
    }

    @Test
    void anAddressIsRefusedForEveryUserOnceItsFailuresAreSpent() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "192.0.2.7");
        }

        assertThat(throttle.refusal("carol", "192.0.2.7")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(12)));
        assertThat(throttle.refusal("carol", "192.0.2.8")).as("the same user from another address").isEmpty();
        assertThat(throttle.refusal("user-0", "192.0.2.8")).as("one failure of that user is below its limit").isEmpty();
    }

    @Test
    void failuresCheckedAtOnceAllCountAndLengthenTheWait() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("dave", "10.1.0." + i);
        }

        // 6 failures against 3: three below empty, so four refills (80 s) before the next check.
        assertThat(throttle.refusal("dave", "10.9.9.9")).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofSeconds(60)).isLessThanOrEqualTo(Duration.ofSeconds(80)));
        advance(Duration.ofSeconds(80));
        assertThat(throttle.refusal("dave", "10.9.9.9")).isEmpty();
    }

    @Test
    void aLongUserNameCountsAsItselfWithoutBeingKept() {
        String longName = "x".repeat(5000);
        for (int i = 0; i < 3; i++) {
            throttle.failed(longName, "10.2.0." + i);
        }

        assertThat(throttle.refusal(longName, "10.2.0.9")).isPresent();
        assertThat(throttle.refusal("x".repeat(4999) + "y", "10.2.0.9")).isEmpty();
    }

    @Test
    void wrongPasswordsAreCountedAndThenEvenTheRightOneWaitsWhileAnotherUserSignsIn() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("erin").password("{noop}erin-pass").roles("OFFICER").build(),
                User.withUsername("frank").password("{noop}frank-pass").roles("AUDITOR").build());
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(
                new DaoAuthenticationProvider(users), throttle));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> manager.authenticate(login("erin", "guess", "198.51.100.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> manager.authenticate(login("erin", "guess", "198.51.100.1")))
                .isInstanceOfSatisfying(ThrottledAuthenticationProvider.LoginThrottled.class, throttled ->
                        assertThat(throttled.retryAfterSeconds()).isBetween(1L, 20L));
        assertThatThrownBy(() -> manager.authenticate(login("erin", "erin-pass", "203.0.113.5")))
                .as("the user's bucket is spent: the right password waits too, from anywhere")
                .isInstanceOf(ThrottledAuthenticationProvider.LoginThrottled.class);
        Authentication frank = manager.authenticate(login("frank", "frank-pass", "198.51.100.1"));
        assertThat(frank.isAuthenticated()).isTrue();

        advance(Duration.ofSeconds(20));
        assertThat(manager.authenticate(login("erin", "erin-pass", "203.0.113.5")).isAuthenticated()).isTrue();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Authentication login(String user, String password, String address) {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        login.setDetails(new WebAuthenticationDetails(address, null));
        return login;
    }
}
