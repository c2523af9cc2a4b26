package org.commitmenttracker.service.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers a successful HTTP Basic check for a short while. A BCrypt check costs about 64 ms
 * of CPU (architecture.md); doing it on every request would cap a 2-core service near 30
 * requests per second. Only a SHA-256 of the password is kept, never the password, and a
 * failed check is never cached.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Authentication authentication, Instant until) {
    }

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String key = authentication.getName() + ":" + sha256(String.valueOf(authentication.getCredentials()));
        Instant now = clock.instant();
        Remembered hit = remembered.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(result, now.plus(timeToLive)));
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
