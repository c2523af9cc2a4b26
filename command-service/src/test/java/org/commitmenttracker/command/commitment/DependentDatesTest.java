package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.dialogue.CancelDialogue;
import org.commitmenttracker.command.dialogue.MarkDialogueHeld;
import org.commitmenttracker.command.dialogue.RescheduleDialogue;
import org.commitmenttracker.command.progress.MarkMilestoneAchieved;
import org.commitmenttracker.command.progress.MeasureProgress;
import org.commitmenttracker.command.progress.SignAgreement;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.Examples.HLED;
import static org.commitmenttracker.command.commitment.Examples.HLED_DIALOGUE;
import static org.commitmenttracker.command.commitment.Examples.INDICATOR;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.MILESTONE;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VISIT;
import static org.commitmenttracker.command.commitment.Examples.hledAnnounced;
import static org.commitmenttracker.command.commitment.Examples.laborHistory;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.hamcrest.Matchers.containsString;

/**
 * domain.md "Two clocks": a fact never precedes the fact it depends on; the refusal names both
 * dates and the fix. The dialogue of these tests was scheduled on 2021-07-01, the labor
 * milestone set and indicator defined on the visit day, 2021-06-08.
 */
class DependentDatesTest {

    private static final LocalDate SCHEDULED_ON = LocalDate.of(2021, 7, 1);
    private static final String FIX = "(if the earlier fact's date is wrong, correct it first)";

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    private static Object[] hledScheduledInJuly() {
        return new Object[]{hledAnnounced(), new DialogueScheduled(HLED, HLED_DIALOGUE, "HLED 2021",
                LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30), null, SCHEDULED_ON)};
    }

    @Test
    void aDialogueIsNotHeldBeforeItWasScheduled() {
        fixture.given(hledScheduledInJuly())
                .when(new MarkDialogueHeld(HLED, HLED_DIALOGUE, SCHEDULED_ON.minusDays(1), "Washington, D.C.",
                        List.of("Agreed"), null, TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("2021-06-30 would precede its scheduling on 2021-07-01"))
                .expectExceptionMessage(containsString(FIX))
                .expectNoEvents();
    }

    @Test
    void aDialogueIsNotRescheduledBeforeItWasScheduled() {
        fixture.given(hledScheduledInJuly())
                .when(new RescheduleDialogue(HLED, HLED_DIALOGUE, LocalDate.of(2021, 9, 9), LocalDate.of(2021, 9, 9),
                        "Agreed.", SCHEDULED_ON.minusDays(1), TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aDialogueIsNotCancelledBeforeItWasScheduled() {
        fixture.given(hledScheduledInJuly())
                .when(new CancelDialogue(HLED, HLED_DIALOGUE, "Replaced.", SCHEDULED_ON.minusDays(1), TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aDialogueMayBeHeldOnTheDayItWasScheduled() {
        fixture.given(hledScheduledInJuly())
                .when(new MarkDialogueHeld(HLED, HLED_DIALOGUE, SCHEDULED_ON, "Washington, D.C.", List.of("Agreed"),
                        null, TODAY), OFFICER)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMilestoneIsNotAchievedBeforeItWasSet() {
        fixture.given(laborHistory())
                .when(new MarkMilestoneAchieved(LABOR, MILESTONE, VISIT.minusDays(1), null, TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("achieved on 2021-06-07, before it was set on 2021-06-08"))
                .expectNoEvents();
    }

    @Test
    void aMeasurementIsNotTakenBeforeItsIndicatorWasDefined() {
        fixture.given(laborHistory())
                .when(new MeasureProgress(LABOR, INDICATOR, "workers-trained-early", new BigDecimal("10"),
                        VISIT.minusDays(1), "ILAB", TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("on 2021-06-07 would precede the definition of indicator "
                        + "'workers-trained' on 2021-06-08"))
                .expectNoEvents();
    }

    /** The root-causes MoU was signed the day before the visit: accepted, the reads flag it. */
    @Test
    void anAgreementSignedTheDayBeforeTheAnnouncementIsRecorded() {
        fixture.given(laborHistory())
                .when(new SignAgreement(LABOR, "root-causes-mou", "Root causes MoU", VISIT.minusDays(1),
                        List.of("US", "MX"), TODAY), OFFICER)
                .expectEvents(new AgreementSigned(LABOR, "root-causes-mou", "Root causes MoU", VISIT.minusDays(1),
                        List.of("US", "MX")));
    }
}
