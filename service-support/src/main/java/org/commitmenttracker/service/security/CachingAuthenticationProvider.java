package org.commitmenttracker.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Remembers a successful HTTP Basic check for a short while. A BCrypt check costs about 64 ms
 * of CPU (architecture.md); doing it on every request would cap a 2-core service near 30
 * requests per second. Only a SHA-256 of the password is kept, never the password, and a
 * failed check is never cached. Requests that arrive together with the same credentials wait
 * for one check rather than each making its own (the benchmark's profile showed eight clients'
 * first requests, and each expiry, costing eight BCrypt checks at once); the least recently
 * used go first beyond the bound.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Cache<String, Authentication> remembered;

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.remembered = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(timeToLive)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String key = authentication.getName() + ":" + sha256(String.valueOf(authentication.getCredentials()));
        // a check that fails (throws) or does not succeed leaves nothing behind
        Authentication[] unremembered = {null};
        Authentication remembered = this.remembered.get(key, ignored -> {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                return result;
            }
            unremembered[0] = result;
            return null;
        });
        return remembered != null ? remembered : unremembered[0];
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
