package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.commitmenttracker.query.commitment.CommitmentDetail;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The answer of {@code GET /api/commitments/{id}/state}: the detail as it stood (its
 * {@code version} the stream version considered), how many events shaped it, and the question asked.
 */
public record CommitmentState(@JsonUnwrapped CommitmentDetail detail, int factsApplied, LocalDate asOf,
                              Instant knownAt) {
}
