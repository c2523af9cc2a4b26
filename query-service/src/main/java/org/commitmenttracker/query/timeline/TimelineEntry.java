package org.commitmenttracker.query.timeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a commitment as a sentence: {@code GET /api/commitments/{id}/timeline}. The
 * Spanish sentence is for the public page in Spanish; null for an entry written before there
 * were Spanish sentences (until a replay of the timeline), which the page then shows in English.
 */
public record TimelineEntry(long version, String type, LocalDate occurredOn, Instant recordedAt, String summary,
                            @JsonIgnore String summaryEs) {
}
