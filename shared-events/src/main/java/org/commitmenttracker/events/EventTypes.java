package org.commitmenttracker.events;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactRetracted;
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

import java.util.List;
import java.util.Optional;

/** Every event of a commitment's stream, by the name integrators know it by (its simple class name). */
public final class EventTypes {

    public static final List<Class<? extends CommitmentEvent>> ALL = List.of(
            CommitmentAnnounced.class, CommitmentRevised.class, CommitmentFulfilled.class, CommitmentWithdrawn.class,
            DialogueScheduled.class, DialogueRescheduled.class, DialogueHeld.class, DialogueCancelled.class,
            FundsPledged.class, PledgeRevised.class, FundsObligated.class, FundsDisbursed.class,
            DisbursementReversed.class, MilestoneSet.class, MilestoneAchieved.class, IndicatorDefined.class,
            ProgressMeasured.class, AgreementSigned.class, ProgressAssessed.class, EvidenceAttached.class,
            FundsDeobligated.class, FactCorrected.class, FactRetracted.class);

    private EventTypes() {
    }

    public static String name(Class<?> type) {
        return type.getSimpleName();
    }

    /** The revision stored with the event ({@code @Revision}); every event carries one. */
    public static String revision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Revision");
        }
        return revision.value();
    }

    public static Optional<Class<? extends CommitmentEvent>> byName(String name) {
        return ALL.stream().filter(type -> name(type).equals(name)).findFirst();
    }
}
