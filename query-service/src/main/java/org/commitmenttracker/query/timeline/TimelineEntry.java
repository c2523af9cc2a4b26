package org.commitmenttracker.query.timeline;

import java.time.Instant;
import java.time.LocalDate;

/** One event of a commitment as a sentence: {@code GET /api/commitments/{id}/timeline}. */
public record TimelineEntry(long version, String type, LocalDate occurredOn, Instant recordedAt, String summary) {
}
