package org.commitmenttracker.query.subscription;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.commitmenttracker.query.feed.FeedFilter;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A webhook subscription as its owner sees it. {@code position} is the last feed position
 * delivered (or passed over as not matching); {@code failures} counts the failed attempts at
 * the event after it, to be tried again at {@code nextAttemptAt} (null when no retry is due).
 * {@code status}: ACTIVE, PAUSED by its owner, or PARKED (since {@code parkedAt}) after too many
 * failed attempts at one event; both wait for a resume. The secret is not part of it.
 */
public record Subscription(UUID id, String owner, String url, List<String> types, String commitmentId,
                           Instant createdAt, long position, int failures, Instant nextAttemptAt, Status status,
                           Instant parkedAt) {

    public enum Status { ACTIVE, PAUSED, PARKED }

    @JsonIgnore
    FeedFilter filter() {
        return new FeedFilter(types == null ? Set.of() : Set.copyOf(types), commitmentId);
    }

    /** As it stands after delivering the event at {@code position}. */
    Subscription deliveredUpTo(long position) {
        return new Subscription(id, owner, url, types, commitmentId, createdAt, position, 0, null, status, parkedAt);
    }
}
