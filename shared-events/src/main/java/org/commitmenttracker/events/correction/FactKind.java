package org.commitmenttracker.events.correction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDeobligated;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.progress.ProgressMeasured;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of fact a correction or retraction names (domain.md "Corrections"): per kind the
 * events that record such a fact (the first one originates it) and the field that is its id.
 * A reversal is named by its disbursement's id; the commitment's own facts by the commitment id.
 */
public enum FactKind {
    COMMITMENT("commitmentId", CommitmentAnnounced.class, CommitmentRevised.class, CommitmentFulfilled.class,
            CommitmentWithdrawn.class),
    DIALOGUE("dialogueId", DialogueScheduled.class, DialogueRescheduled.class, DialogueHeld.class,
            DialogueCancelled.class),
    PLEDGE("pledgeId", FundsPledged.class, PledgeRevised.class),
    OBLIGATION("obligationId", FundsObligated.class),
    DISBURSEMENT("disbursementId", FundsDisbursed.class),
    REVERSAL("disbursementId", DisbursementReversed.class),
    DEOBLIGATION("deobligationId", FundsDeobligated.class),
    MILESTONE("milestoneId", MilestoneSet.class, MilestoneAchieved.class),
    INDICATOR("indicatorId", IndicatorDefined.class),
    MEASUREMENT("measurementId", ProgressMeasured.class),
    AGREEMENT("agreementId", AgreementSigned.class),
    ASSESSMENT("assessmentId", ProgressAssessed.class),
    EVIDENCE("evidenceId", EvidenceAttached.class);

    private final String idField;
    private final List<Class<? extends CommitmentEvent>> eventTypes;

    @SafeVarargs
    FactKind(String idField, Class<? extends CommitmentEvent>... eventTypes) {
        this.idField = idField;
        this.eventTypes = List.of(eventTypes);
    }

    /** The field of its events that holds the fact's id. */
    public String idField() {
        return idField;
    }

    /** The events that record a fact of this kind, the originating one first. */
    public List<Class<? extends CommitmentEvent>> eventTypes() {
        return eventTypes;
    }

    public Class<? extends CommitmentEvent> originatingType() {
        return eventTypes.get(0);
    }

    /** The event type of this kind with that name ({@code factType}), if it is one. */
    public Optional<Class<? extends CommitmentEvent>> eventType(String name) {
        return eventTypes.stream().filter(type -> EventTypes.name(type).equals(name)).findFirst();
    }

    /** The id of the fact an event of this kind records. */
    public String idOf(CommitmentEvent event) {
        RecordComponent component = Arrays.stream(event.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(idField)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getClass().getSimpleName() + " has no " + idField));
        try {
            return (String) component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kind of fact an event type records; empty for the corrections themselves. */
    public static Optional<FactKind> of(Class<?> eventType) {
        return Arrays.stream(values()).filter(kind -> kind.eventTypes.contains(eventType)).findFirst();
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FactKind fromJson(String value) {
        return Arrays.stream(values()).filter(kind -> kind.json().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown fact kind '" + value + "'; one of "
                        + Arrays.stream(values()).map(FactKind::json).toList() + "."));
    }
}
