package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.dialogue.CancelDialogue;
import org.commitmenttracker.command.dialogue.RescheduleDialogue;
import org.commitmenttracker.command.dialogue.ScheduleDialogue;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.INVALID;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.UNKNOWN;
import static org.commitmenttracker.command.commitment.Examples.HLED;
import static org.commitmenttracker.command.commitment.Examples.HLED_DIALOGUE;
import static org.commitmenttracker.command.commitment.Examples.HLED_FROM;
import static org.commitmenttracker.command.commitment.Examples.HLED_TO;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.hledAnnounced;
import static org.commitmenttracker.command.commitment.Examples.hledHeld;
import static org.commitmenttracker.command.commitment.Examples.hledScheduled;
import static org.commitmenttracker.command.commitment.Examples.holdHled;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.commitmenttracker.command.commitment.Examples.scheduleHled;

/** The HLED of September 2021: scheduled at the visit, held on 9 September in Washington. */
class DialogueRulesTest {

    private static final LocalDate POSTPONED_FROM = LocalDate.of(2021, 9, 9);
    private static final LocalDate POSTPONED_TO = LocalDate.of(2021, 9, 10);

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void canScheduleTheHledForSeptember() {
        fixture.given(hledAnnounced())
                .when(scheduleHled(HLED_FROM, HLED_TO), OFFICER)
                .expectEvents(hledScheduled())
                .expectResultMessagePayload(2L);
    }

    @Test
    void dialogueCanBePlannedForASingleDay() {
        fixture.given(hledAnnounced())
                .when(scheduleHled(HLED_FROM, HLED_FROM), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    @Test
    void planCannotEndBeforeItStarts() {
        fixture.given(hledAnnounced())
                .when(scheduleHled(HLED_TO, HLED_FROM), OFFICER)
                .expectException(refused(INVALID))
                .expectExceptionMessage("plannedTo 2021-09-01 must be on or after 2021-09-30.")
                .expectNoEvents();
    }

    @Test
    void schedulingWithoutADateHappenedToday() {
        fixture.given(hledAnnounced())
                .when(new ScheduleDialogue(HLED, HLED_DIALOGUE, "High-Level Economic Dialogue 2021", HLED_FROM,
                        HLED_TO, "Washington, D.C.", null, TODAY), OFFICER)
                .expectEvents(new DialogueScheduled(HLED, HLED_DIALOGUE, "High-Level Economic Dialogue 2021",
                        HLED_FROM, HLED_TO, "Washington, D.C.", TODAY));
    }

    @Test
    void canMarkTheHledHeld() {
        fixture.given(hledAnnounced(), hledScheduled())
                .when(holdHled(), OFFICER)
                .expectEvents(hledHeld())
                .expectResultMessagePayload(3L);
    }

    @Test
    void dialogueCanBeHeldOnlyWhileScheduled() {
        fixture.given(hledAnnounced(), hledScheduled(), hledHeld())
                .when(holdHled(), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("Dialogue 'hled-2021' has already been held or cancelled.")
                .expectNoEvents();
    }

    @Test
    void cancelledDialogueCannotBeHeld() {
        fixture.given(hledAnnounced(), hledScheduled(), cancelled())
                .when(holdHled(), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotHoldAnUnknownDialogue() {
        fixture.given(hledAnnounced())
                .when(holdHled(), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectExceptionMessage("Dialogue 'hled-2021' does not exist.")
                .expectNoEvents();
    }

    @Test
    void canRescheduleAScheduledDialogue() {
        fixture.given(hledAnnounced(), hledScheduled())
                .when(postpone(), OFFICER)
                .expectEvents(new DialogueRescheduled(HLED, HLED_DIALOGUE, POSTPONED_FROM, POSTPONED_TO,
                        "Dates agreed with Mexico.", TODAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void rescheduledDialogueCanStillBeHeld() {
        fixture.given(hledAnnounced(), hledScheduled(),
                        new DialogueRescheduled(HLED, HLED_DIALOGUE, POSTPONED_FROM, POSTPONED_TO,
                                "Dates agreed with Mexico.", TODAY))
                .when(holdHled(), OFFICER)
                .expectEvents(hledHeld());
    }

    @Test
    void rescheduledPlanCannotEndBeforeItStarts() {
        fixture.given(hledAnnounced(), hledScheduled())
                .when(new RescheduleDialogue(HLED, HLED_DIALOGUE, POSTPONED_TO, POSTPONED_FROM, "Typo", null, TODAY),
                        OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void heldDialogueCannotBeRescheduled() {
        fixture.given(hledAnnounced(), hledScheduled(), hledHeld())
                .when(postpone(), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotRescheduleAnUnknownDialogue() {
        fixture.given(hledAnnounced())
                .when(postpone(), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void canCancelAScheduledDialogue() {
        fixture.given(hledAnnounced(), hledScheduled())
                .when(cancel(), OFFICER)
                .expectEvents(cancelled())
                .expectResultMessagePayload(3L);
    }

    @Test
    void heldDialogueCannotBeCancelled() {
        fixture.given(hledAnnounced(), hledScheduled(), hledHeld())
                .when(cancel(), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void dialogueIsCancelledOnlyOnce() {
        fixture.given(hledAnnounced(), hledScheduled(), cancelled())
                .when(cancel(), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cancelledDialogueCannotBeRescheduled() {
        fixture.given(hledAnnounced(), hledScheduled(), cancelled())
                .when(postpone(), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotCancelAnUnknownDialogue() {
        fixture.given(hledAnnounced())
                .when(cancel(), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectNoEvents();
    }

    private static RescheduleDialogue postpone() {
        return new RescheduleDialogue(HLED, HLED_DIALOGUE, POSTPONED_FROM, POSTPONED_TO, "Dates agreed with Mexico.",
                null, TODAY);
    }

    private static CancelDialogue cancel() {
        return new CancelDialogue(HLED, HLED_DIALOGUE, "Replaced by a ministerial call.", TODAY, TODAY);
    }

    private static DialogueCancelled cancelled() {
        return new DialogueCancelled(HLED, HLED_DIALOGUE, "Replaced by a ministerial call.", TODAY);
    }
}
