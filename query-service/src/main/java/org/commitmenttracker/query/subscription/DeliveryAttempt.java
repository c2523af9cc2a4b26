package org.commitmenttracker.query.subscription;

import java.time.Instant;

/**
 * One attempt to deliver one event: its {@code id} (to redeliver it), the answer's status code,
 * or what went wrong when there was none, and when the next attempt is due if this one failed.
 * {@code redelivery}: sent again on request, outside the subscription's order.
 */
public record DeliveryAttempt(long id, long position, String eventId, int attempt, Instant attemptedAt,
                              Integer statusCode, String error, boolean delivered, Instant nextAttemptAt,
                              boolean redelivery) {

    /** An attempt not recorded yet (its id is given when it is). */
    static DeliveryAttempt of(long position, String eventId, int attempt, Instant attemptedAt, Integer statusCode,
                              String error, boolean delivered, Instant nextAttemptAt, boolean redelivery) {
        return new DeliveryAttempt(0, position, eventId, attempt, attemptedAt, statusCode, error, delivered,
                nextAttemptAt, redelivery);
    }
}
