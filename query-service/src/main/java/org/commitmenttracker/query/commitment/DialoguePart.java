package org.commitmenttracker.query.commitment;

import static org.commitmenttracker.query.commitment.Lists.append;
import static org.commitmenttracker.query.commitment.Lists.contains;
import static org.commitmenttracker.query.commitment.Lists.orElse;
import static org.commitmenttracker.query.commitment.Lists.replace;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.query.commitment.CommitmentDetail.Dialogue;
import org.commitmenttracker.query.commitment.CommitmentDetail.DialogueStatus;

/**
 * The dialogue part of a commitment's fold: each dialogue's lifecycle, the only place it is
 * decided (the detail, the calendar and the dashboard's upcoming dialogues all read it from
 * here). A dialogue id used again keeps its first scheduling; only a scheduled dialogue is
 * rescheduled, held or cancelled.
 */
public record DialoguePart(List<Dialogue> dialogues) {

    public static final DialoguePart NONE = new DialoguePart(List.of());

    public DialoguePart {
        dialogues = dialogues == null ? List.of() : List.copyOf(dialogues);
    }

    /** This part after {@code event}; itself for any other event. */
    public DialoguePart apply(CommitmentEvent event) {
        if (event instanceof DialogueScheduled e) {
            return contains(dialogues, dialogue(e.dialogueId())) ? this : new DialoguePart(append(dialogues,
                    new Dialogue(e.dialogueId(), e.name(), DialogueStatus.SCHEDULED, e.plannedFrom(), e.plannedTo(),
                            null, e.location(), List.of(), null)));
        } else if (event instanceof DialogueRescheduled e) {
            return new DialoguePart(replace(dialogues, scheduled(e.dialogueId()), x -> new Dialogue(x.dialogueId(),
                    x.name(), x.status(), orElse(e.plannedFrom(), x.plannedFrom()),
                    orElse(e.plannedTo(), x.plannedTo()), x.heldOn(), x.location(), x.outcomes(),
                    x.communiqueUrl())));
        } else if (event instanceof DialogueHeld e) {
            return new DialoguePart(replace(dialogues, scheduled(e.dialogueId()), x -> new Dialogue(x.dialogueId(),
                    x.name(), DialogueStatus.HELD, x.plannedFrom(), x.plannedTo(), e.heldOn(),
                    orElse(e.location(), x.location()), e.outcomes(), e.communiqueUrl())));
        } else if (event instanceof DialogueCancelled e) {
            return new DialoguePart(replace(dialogues, scheduled(e.dialogueId()), x -> new Dialogue(x.dialogueId(),
                    x.name(), DialogueStatus.CANCELLED, x.plannedFrom(), x.plannedTo(), x.heldOn(), x.location(),
                    x.outcomes(), x.communiqueUrl())));
        }
        return this;
    }

    private static Predicate<Dialogue> dialogue(String dialogueId) {
        return x -> Objects.equals(x.dialogueId(), dialogueId);
    }

    private static Predicate<Dialogue> scheduled(String dialogueId) {
        return dialogue(dialogueId).and(x -> x.status() == DialogueStatus.SCHEDULED);
    }
}
