package org.commitmenttracker.query.feed;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event as the feed holds it: its place in the feed ({@code position}), its version in the
 * commitment ({@code sequence}), its name and revision, when it was recorded, its payload JSON, and
 * its business date ({@code occurredOn}; null only for a row no migration could date).
 */
public record FeedEvent(long position, String eventId, String commitmentId, long sequence, String type,
                        String revision, Instant recordedAt, String data, LocalDate occurredOn) {
}
