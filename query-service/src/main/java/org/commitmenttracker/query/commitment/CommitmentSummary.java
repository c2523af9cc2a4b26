package org.commitmenttracker.query.commitment;

import java.time.LocalDate;
import java.util.List;

/** One commitment in a list. */
public record CommitmentSummary(String id, String title, String category, String status, boolean overdue,
                                String rating, LocalDate announcedOn, LocalDate dueBy, LocalDate lastActivityOn,
                                List<String> leadAgencies, long version) {
}
