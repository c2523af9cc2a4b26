package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.progress.AssessProgress;
import org.commitmenttracker.command.progress.AttachEvidence;
import org.commitmenttracker.command.progress.DefineIndicator;
import org.commitmenttracker.command.progress.MarkMilestoneAchieved;
import org.commitmenttracker.command.progress.MeasureProgress;
import org.commitmenttracker.command.progress.SetMilestone;
import org.commitmenttracker.command.progress.SignAgreement;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.progress.ProgressMeasured;
import org.commitmenttracker.events.value.Rating;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.UNKNOWN;
import static org.commitmenttracker.command.commitment.Examples.DISAPPEARANCES;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VISIT;
import static org.commitmenttracker.command.commitment.Examples.disappearancesAnnounced;
import static org.commitmenttracker.command.commitment.Examples.refused;

/** Milestones, indicators, agreements, assessments and evidence, on the disappearances partnership. */
class ProgressRulesTest {

    private static final String CASES_SOLVED = "cases-solved";
    private static final String MILESTONE = "forensic-identification-center";
    private static final LocalDate DUE = LocalDate.of(2022, 12, 31);
    private static final LocalDate MEASURED_ON = LocalDate.of(2021, 9, 30);

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void canSetAMilestone() {
        fixture.given(disappearancesAnnounced())
                .when(setMilestone(DUE), OFFICER)
                .expectEvents(milestoneSet())
                .expectResultMessagePayload(2L);
    }

    @Test
    void milestoneCannotBeDueBeforeTheAnnouncement() {
        fixture.given(disappearancesAnnounced())
                .when(setMilestone(VISIT.minusDays(1)), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("dueBy 2021-06-07 is before the announcement on 2021-06-08.")
                .expectNoEvents();
    }

    @Test
    void milestoneCanBeDueOnTheDayOfTheAnnouncement() {
        fixture.given(disappearancesAnnounced())
                .when(setMilestone(VISIT), OFFICER)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void canMarkAMilestoneAchieved() {
        fixture.given(disappearancesAnnounced(), milestoneSet())
                .when(new MarkMilestoneAchieved(DISAPPEARANCES, MILESTONE, TODAY, "Opened in Mexico City", TODAY),
                        OFFICER)
                .expectEvents(new MilestoneAchieved(DISAPPEARANCES, MILESTONE, TODAY, "Opened in Mexico City"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void milestoneIsAchievedOnlyOnce() {
        fixture.given(disappearancesAnnounced(), milestoneSet(),
                        new MilestoneAchieved(DISAPPEARANCES, MILESTONE, TODAY, null))
                .when(new MarkMilestoneAchieved(DISAPPEARANCES, MILESTONE, TODAY, null, TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotAchieveAnUnknownMilestone() {
        fixture.given(disappearancesAnnounced())
                .when(new MarkMilestoneAchieved(DISAPPEARANCES, MILESTONE, TODAY, null, TODAY), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void canDefineTheIndicatorOf82000Cases() {
        fixture.given(disappearancesAnnounced())
                .when(new DefineIndicator(DISAPPEARANCES, CASES_SOLVED, "Disappearance cases solved", "cases",
                        BigDecimal.ZERO, new BigDecimal("82000"), null, VISIT, TODAY), OFFICER)
                .expectEvents(indicatorDefined())
                .expectResultMessagePayload(2L);
    }

    @Test
    void canMeasureADefinedIndicator() {
        fixture.given(disappearancesAnnounced(), indicatorDefined())
                .when(new MeasureProgress(DISAPPEARANCES, CASES_SOLVED, "cases-solved-2021-09",
                        new BigDecimal("1250"), MEASURED_ON, "National Search Commission", TODAY), OFFICER)
                .expectEvents(new ProgressMeasured(DISAPPEARANCES, CASES_SOLVED, "cases-solved-2021-09",
                        new BigDecimal("1250"), MEASURED_ON, "National Search Commission"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotMeasureAnUnknownIndicator() {
        fixture.given(disappearancesAnnounced())
                .when(new MeasureProgress(DISAPPEARANCES, CASES_SOLVED, "cases-solved-2021-09",
                        new BigDecimal("1250"), MEASURED_ON, "National Search Commission", TODAY), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectExceptionMessage("Indicator 'cases-solved' does not exist.")
                .expectNoEvents();
    }

    @Test
    void canSignAnAgreement() {
        LocalDate signedOn = LocalDate.of(2021, 8, 26);
        fixture.given(disappearancesAnnounced())
                .when(new SignAgreement(DISAPPEARANCES, "forensic-cooperation-letter", "Letter of intent on forensic "
                        + "cooperation", signedOn, List.of("USAID", "SEGOB"), TODAY), OFFICER)
                .expectEvents(new AgreementSigned(DISAPPEARANCES, "forensic-cooperation-letter", "Letter of intent on "
                        + "forensic cooperation", signedOn, List.of("USAID", "SEGOB")));
    }

    @Test
    void canAssessProgress() {
        fixture.given(disappearancesAnnounced())
                .when(new AssessProgress(DISAPPEARANCES, "assessment-1", Rating.IN_PROGRESS, "Identification centre funded.",
                        TODAY, TODAY), OFFICER)
                .expectEvents(new ProgressAssessed(DISAPPEARANCES, "assessment-1", Rating.IN_PROGRESS, "Identification centre funded.",
                        TODAY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canAttachEvidence() {
        String sha256 = "a".repeat(64);
        fixture.given(disappearancesAnnounced())
                .when(new AttachEvidence(DISAPPEARANCES, "fact-sheet", "Fact sheet of the visit",
                        "https://www.whitehouse.gov/", sha256, LocalDate.of(2021, 6, 15), TODAY), OFFICER)
                .expectEvents(new EvidenceAttached(DISAPPEARANCES, "fact-sheet", "Fact sheet of the visit",
                        "https://www.whitehouse.gov/", sha256, LocalDate.of(2021, 6, 15)));
    }

    private static SetMilestone setMilestone(LocalDate dueBy) {
        return new SetMilestone(DISAPPEARANCES, MILESTONE, "Open the forensic identification centre", dueBy, VISIT,
                TODAY);
    }

    private static MilestoneSet milestoneSet() {
        return new MilestoneSet(DISAPPEARANCES, MILESTONE, "Open the forensic identification centre", DUE, VISIT);
    }

    private static IndicatorDefined indicatorDefined() {
        return new IndicatorDefined(DISAPPEARANCES, CASES_SOLVED, "Disappearance cases solved", "cases",
                BigDecimal.ZERO, new BigDecimal("82000"), null, VISIT);
    }
}
