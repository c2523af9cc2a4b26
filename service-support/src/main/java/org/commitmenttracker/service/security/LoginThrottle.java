package org.commitmenttracker.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import org.commitmenttracker.service.security.TrackerSecurityProperties.LoginThrottling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed logins (issue 15, finding 8), counted in a token bucket per user name and one per
 * client address (Bucket4j). Only failures take tokens; a login is refused unchecked while either
 * bucket is empty, so an attacker learns nothing more until it refills. The user's bucket stops
 * guessing spread over many addresses, and so also refuses the user's right password from any
 * address until it refills: the price of that protection, kept short by the refill. The address's
 * bucket stops one client trying many users; other users from other addresses never notice.
 * Failures that were checked at once all count (a bucket may go below empty), so parallel guesses
 * only lengthen the wait. Buckets of idle users and addresses are forgotten (a bounded cache).
 */
public final class LoginThrottle {

    /** Longer user names are kept as a hash: the cache holds a bounded amount whatever clients send. */
    private static final int MAX_KEY_LENGTH = 200;

    private final LoginThrottling limits;
    private final TimeMeter time;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    LoginThrottle(LoginThrottling limits, TimeMeter time) {
        this.limits = limits;
        this.time = time;
        this.users = cache(limits.perUser(), limits.maxTracked(), time);
        this.addresses = cache(limits.perAddress(), limits.maxTracked(), time);
    }

    private static Cache<String, Bucket> cache(LoginThrottling.Limit limit, int maxTracked, TimeMeter time) {
        // An idle bucket has refilled by the end of its period: forgetting it then changes nothing.
        return Caffeine.newBuilder().ticker(time::currentTimeNanos).expireAfterAccess(limit.period().multipliedBy(2))
                .maximumSize(maxTracked).build();
    }

    /** Empty when a login of {@code user} from {@code address} may be checked; else how long until it may. */
    public Optional<Duration> refusal(String user, String address) {
        long wait = Math.max(wait(users.getIfPresent(userKey(user))), wait(addresses.getIfPresent(addressKey(address))));
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    /** Counts a failed login against the user and the address. */
    public void failed(String user, String address) {
        users.get(userKey(user), key -> bucket(limits.perUser())).consumeIgnoringRateLimits(1);
        addresses.get(addressKey(address), key -> bucket(limits.perAddress())).consumeIgnoringRateLimits(1);
    }

    private Bucket bucket(LoginThrottling.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.failures()).refillGreedy(limit.failures(), limit.period()))
                .withCustomTimePrecision(time)
                .build();
    }

    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** User names are case-insensitive (as the user store reads them). */
    private static String userKey(String user) {
        String name = user == null ? "" : user.toLowerCase(Locale.ROOT);
        return name.length() <= MAX_KEY_LENGTH ? name : "sha-256:" + sha256(name);
    }

    private static String addressKey(String address) {
        return address == null ? "unknown" : address.length() <= MAX_KEY_LENGTH ? address : "sha-256:" + sha256(address);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
