package org.commitmenttracker.query.commitment;

import java.time.LocalDate;
import java.util.List;

/**
 * One commitment in a list. {@code matches}: with a text search, the fields it was found in
 * ({@code kind} COMMITMENT or the child's kind, e.g. DIALOGUE, AGREEMENT, DISBURSEMENT; the
 * commitment's or the child's {@code id}; the {@code field}); empty otherwise.
 */
public record CommitmentSummary(String id, String title, String category, String status, boolean overdue,
                                String rating, LocalDate announcedOn, LocalDate dueBy, LocalDate lastActivityOn,
                                List<String> leadAgencies, long version, List<Match> matches) {

    public record Match(String kind, String id, String field) {
    }
}
