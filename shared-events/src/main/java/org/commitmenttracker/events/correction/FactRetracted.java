package org.commitmenttracker.events.correction;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;

/**
 * A recorded fact was entered in error and never happened: gone from every read by business
 * date. Unlike a reversal it is no transaction and has no business date; {@code retractedOn}
 * is the day the record was put right. {@code factType} names which recorded event of the
 * fact is meant (a dialogue's DialogueHeld, say), as in {@link FactCorrected}.
 */
@Revision("1")
public record FactRetracted(String commitmentId, FactKind factKind, String factId, String factType, String reason,
                            LocalDate retractedOn) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return retractedOn;
    }
}
