package org.commitmenttracker.query.subscription;

import java.time.Instant;

/**
 * One attempt to deliver one event: the answer's status code, or what went wrong when there was
 * none, and when the next attempt is due if this one failed.
 */
public record DeliveryAttempt(long position, String eventId, int attempt, Instant attemptedAt, Integer statusCode,
                              String error, boolean delivered, Instant nextAttemptAt) {
}
