package org.commitmenttracker.query.publication.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.commitmenttracker.query.publication.PublicationProperties.RateLimit;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per client address, refilled evenly. A small one of our own on Caffeine (which
 * forgets idle clients) because Bucket4j is neither managed by Spring Boot nor among the
 * libraries this build may use; the limit is per instance, which is enough to keep one client
 * from crowding out the others.
 */
final class ClientRateLimit {

    private final long capacity;
    private final long nanosPerToken;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    ClientRateLimit(RateLimit limit, Ticker ticker) {
        this.capacity = limit.capacity();
        this.nanosPerToken = Math.max(1, limit.period().toNanos() / limit.capacity());
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(limit.period().multipliedBy(2))
                .maximumSize(100_000).build();
    }

    /** Takes a token for the client; empty when it may go on, else how long until its next token. */
    OptionalLong take(String client) {
        Bucket bucket = buckets.get(client, c -> new Bucket(capacity, ticker.read()));
        synchronized (bucket) {
            long now = ticker.read();
            long refilled = (now - bucket.refilledAt) / nanosPerToken;
            if (refilled > 0) {
                bucket.tokens = Math.min(capacity, bucket.tokens + refilled);
                bucket.refilledAt = bucket.tokens == capacity ? now : bucket.refilledAt + refilled * nanosPerToken;
            }
            if (bucket.tokens > 0) {
                bucket.tokens--;
                return OptionalLong.empty();
            }
            long waitNanos = bucket.refilledAt + nanosPerToken - now;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(waitNanos / (double) Duration.ofSeconds(1).toNanos())));
        }
    }

    private static final class Bucket {
        long tokens;
        long refilledAt;

        Bucket(long tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
