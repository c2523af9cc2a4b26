package org.commitmenttracker.query.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.commitmenttracker.query.funding.Total;

/**
 * The figures of all commitments at a glance ({@code GET /api/dashboard}). {@code byRating}
 * counts commitments never assessed under {@code UNRATED}, so that both {@code byStatus} and
 * {@code byRating} add up to {@code commitments}. {@code funding} sums per currency;
 * {@code disbursed} is net of reversals. {@code upcomingDialogues}: the next scheduled
 * dialogues whose planned window has not passed.
 */
public record Dashboard(long commitments, Map<String, Long> byStatus, Map<String, Long> byRating, long overdue,
                        Map<String, Funding> funding, List<UpcomingDialogue> upcomingDialogues) {

    public static final String UNRATED = "UNRATED";

    public record Funding(Total pledged, Total obligated, Total disbursed) {
    }

    public record UpcomingDialogue(String commitmentId, String commitmentTitle, String dialogueId, String name,
                                   LocalDate plannedFrom, LocalDate plannedTo, String location) {
    }
}
