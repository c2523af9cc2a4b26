package org.commitmenttracker.query.dialogue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.stereotype.Component;

/** Builds the dialogue calendar across commitments. */
@Component
@ProcessingGroup(DialogueCalendarProjection.NAME)
class DialogueCalendarProjection {

    static final String NAME = "dialogues";

    private final DialogueCalendar calendar;
    private final AppliedVersions versions;

    DialogueCalendarProjection(DialogueCalendar calendar, AppliedVersions versions) {
        this.calendar = calendar;
        this.versions = versions;
    }

    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        String id = event.commitmentId();
        versions.apply(NAME, id, sequenceNumber + 1, startOver -> {
            if (startOver) {
                calendar.delete(id);
            }
            if (event instanceof CommitmentAnnounced e) {
                calendar.titled(id, e.title());
            } else if (event instanceof CommitmentRevised e && e.title() != null) {
                calendar.titled(id, e.title());
            } else if (event instanceof DialogueScheduled e) {
                calendar.scheduled(id, e.dialogueId(), e.name(), e.plannedFrom(), e.plannedTo(), e.location());
            } else if (event instanceof DialogueRescheduled e) {
                calendar.rescheduled(id, e.dialogueId(), e.plannedFrom(), e.plannedTo());
            } else if (event instanceof DialogueHeld e) {
                calendar.held(id, e.dialogueId(), e.heldOn(), e.location());
            } else if (event instanceof DialogueCancelled e) {
                calendar.cancelled(id, e.dialogueId());
            }
        });
    }

    @ResetHandler
    void reset() {
        versions.startOver(NAME);
    }
}
