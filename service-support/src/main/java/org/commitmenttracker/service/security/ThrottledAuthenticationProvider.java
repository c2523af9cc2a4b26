package org.commitmenttracker.service.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks a user name and password only while {@link LoginThrottle} allows it, before anything
 * else (also before the cache of recent successes, which would otherwise tell a throttled guesser
 * when it got the password right), and counts the checks that failed.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    /** A login refused unchecked: too many failures for the user or from the address. Answered 429. */
    static final class LoginThrottled extends AuthenticationException {

        private final Duration retryAfter;

        LoginThrottled(Duration retryAfter) {
            super("Too many failed logins");
            this.retryAfter = retryAfter;
        }

        /** Whole seconds, at least 1, as {@code Retry-After} takes them. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String user = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.refusal(user, address);
        if (wait.isPresent()) {
            throw new LoginThrottled(wait.get());
        }
        try {
            return delegate.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            throttle.failed(user, address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
