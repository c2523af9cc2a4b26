package org.commitmenttracker.query.dialogue;

import java.time.LocalDate;

/** One dialogue in the calendar across commitments ({@code GET /api/dialogues}). */
public record CalendarEntry(String commitmentId, String commitmentTitle, String dialogueId, String name, String status,
                            LocalDate plannedFrom, LocalDate plannedTo, LocalDate heldOn, String location) {
}
