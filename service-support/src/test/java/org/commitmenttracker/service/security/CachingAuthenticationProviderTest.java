package org.commitmenttracker.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** The cache in front of BCrypt: one check for requests that arrive together, none kept for a failure, none past its time. */
class CachingAuthenticationProviderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final MovableClock clock = new MovableClock();

    /** The slow check the cache spares: right for "officer-local", wrong otherwise. */
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            sleep(Duration.ofMillis(200));
            if (!"officer-local".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_OFFICER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final CachingAuthenticationProvider cache = new CachingAuthenticationProvider(bcrypt, Duration.ofMinutes(5), clock);

    @Test
    void eightRequestsArrivingTogetherWithTheSameCredentialsCostOneCheck() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Authentication>> answers = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> clients.submit(() -> {
                        start.await();
                        return cache.authenticate(login("officer", "officer-local"));
                    })).toList();
            start.countDown();
            for (Future<Authentication> answer : answers) {
                assertThat(answer.get().isAuthenticated()).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(checks).hasValue(1);
    }

    @Test
    void aFailedCheckIsNeverRememberedAndARightOneOnlyForItsTime() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.authenticate(login("officer", "guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(3);

        cache.authenticate(login("officer", "officer-local"));
        cache.authenticate(login("officer", "officer-local"));
        assertThat(checks).hasValue(4);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(cache.authenticate(login("officer", "officer-local")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(5);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-30T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
