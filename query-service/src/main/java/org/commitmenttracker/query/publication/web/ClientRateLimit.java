package org.commitmenttracker.query.publication.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.commitmenttracker.query.publication.PublicationProperties.RateLimit;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per client address (Bucket4j, as the login throttle), refilled evenly, in a
 * Caffeine cache that forgets idle clients; the limit is per instance, which is enough to keep
 * one client from crowding out the others.
 */
final class ClientRateLimit {

    private final RateLimit limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    ClientRateLimit(RateLimit limit, Ticker ticker) {
        this.limit = limit;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return ticker.read();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(limit.period().multipliedBy(2))
                .maximumSize(100_000).build();
    }

    /** Takes a token for the client; empty when it may go on, else how many seconds until its next token. */
    OptionalLong take(String client) {
        ConsumptionProbe probe = buckets.get(client, c -> Bucket.builder()
                        .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                        .withCustomTimePrecision(time)
                        .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        double seconds = probe.getNanosToWaitForRefill() / (double) Duration.ofSeconds(1).toNanos();
        return OptionalLong.of(Math.max(1, (long) Math.ceil(seconds)));
    }
}
