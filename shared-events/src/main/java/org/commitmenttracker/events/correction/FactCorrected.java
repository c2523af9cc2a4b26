package org.commitmenttracker.events.correction;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
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

import java.time.LocalDate;

/**
 * A recorded fact is now known to have been otherwise: {@code content} is the whole fact as it
 * should have been recorded, an event of type {@code factType} (for a fact recorded by several
 * events, which one: a dialogue's DialogueHeld, or DialogueRescheduled for its latest
 * rescheduling). Its own date is the day of the correction; the corrected business date is in
 * the content. In JSON: {@code "factType": "FundsDisbursed", "content": {...that event...}}.
 */
@Revision("1")
public record FactCorrected(String commitmentId, FactKind factKind, String factId,
                            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String factType,
                            @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY,
                                    property = "factType", visible = true)
                            @JsonSubTypes({
                                    @JsonSubTypes.Type(CommitmentAnnounced.class),
                                    @JsonSubTypes.Type(CommitmentRevised.class),
                                    @JsonSubTypes.Type(CommitmentFulfilled.class),
                                    @JsonSubTypes.Type(CommitmentWithdrawn.class),
                                    @JsonSubTypes.Type(DialogueScheduled.class),
                                    @JsonSubTypes.Type(DialogueRescheduled.class),
                                    @JsonSubTypes.Type(DialogueHeld.class),
                                    @JsonSubTypes.Type(DialogueCancelled.class),
                                    @JsonSubTypes.Type(FundsPledged.class),
                                    @JsonSubTypes.Type(PledgeRevised.class),
                                    @JsonSubTypes.Type(FundsObligated.class),
                                    @JsonSubTypes.Type(FundsDisbursed.class),
                                    @JsonSubTypes.Type(DisbursementReversed.class),
                                    @JsonSubTypes.Type(FundsDeobligated.class),
                                    @JsonSubTypes.Type(MilestoneSet.class),
                                    @JsonSubTypes.Type(MilestoneAchieved.class),
                                    @JsonSubTypes.Type(IndicatorDefined.class),
                                    @JsonSubTypes.Type(ProgressMeasured.class),
                                    @JsonSubTypes.Type(AgreementSigned.class),
                                    @JsonSubTypes.Type(ProgressAssessed.class),
                                    @JsonSubTypes.Type(EvidenceAttached.class)})
                            CommitmentEvent content,
                            String reason, LocalDate correctedOn) implements CommitmentEvent {

    /** The day the record was put right; the fact's own (corrected) date is {@code content.occurredOn()}. */
    @Override
    public LocalDate occurredOn() {
        return correctedOn;
    }
}
