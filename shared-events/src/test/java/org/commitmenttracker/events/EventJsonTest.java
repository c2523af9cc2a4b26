package org.commitmenttracker.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
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
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.events.value.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event survives the trip to stored JSON and back, with every field, and says its revision. */
public class EventJsonTest {

    private static final String ID = "us-mx-2021-labor-cooperation";
    private static final LocalDate DAY = LocalDate.of(2021, 11, 15);
    private static final Money TEN_MILLION = Money.of("10000000", "USD");

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public static List<CommitmentEvent> everyEvent() {
        return List.of(
                new CommitmentAnnounced(ID, "Strengthen Labor Cooperation", "Invest $130 million.", Category.LABOR,
                        List.of("US", "MX"), List.of("Department of Labor"), LocalDate.of(2021, 6, 8),
                        new Source("Vice President Harris Visit", "https://example.org/sheet", LocalDate.of(2021, 6, 15)),
                        LocalDate.of(2024, 6, 7)),
                new CommitmentRevised(ID, "New title", null, LocalDate.of(2024, 12, 31), List.of("DOL"), "Extended", DAY),
                new DialogueScheduled(ID, "hled-2021", "HLED", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30),
                        "Washington", LocalDate.of(2021, 6, 8)),
                new DialogueRescheduled(ID, "hled-2021", LocalDate.of(2021, 9, 9), LocalDate.of(2021, 9, 9), "Agreed", DAY),
                new DialogueHeld(ID, "hled-2021", LocalDate.of(2021, 9, 9), "Washington", List.of("Four pillars"),
                        "https://example.org/communique"),
                new DialogueCancelled(ID, "hled-2022", "Postponed", DAY),
                new FundsPledged(ID, "dol", Money.of("130000000", "USD"), LocalDate.of(2021, 6, 8),
                        LocalDate.of(2024, 6, 7), "Department of Labor", LocalDate.of(2021, 6, 8), null),
                new PledgeRevised(ID, "dol", Money.of("140000000", "USD"), "Top-up", DAY, "DOL-2021/TOPUP"),
                new FundsObligated(ID, "ilab-2021-01", TEN_MILLION, DAY, "ILO", "IL-35000-21-75-K"),
                new FundsDisbursed(ID, "v-2021-001", TEN_MILLION, DAY, "ILO", "ilab-2021-01", "First tranche",
                        "2022/03-002"),
                new DisbursementReversed(ID, "v-2021-001", TEN_MILLION, "Duplicate", DAY, "ilab-2021-01", null),
                new MilestoneSet(ID, "law-passed", "Law passed", LocalDate.of(2022, 1, 1), DAY),
                new MilestoneAchieved(ID, "law-passed", DAY, "Published"),
                new IndicatorDefined(ID, "cases", "Cases resolved", "cases", BigDecimal.ZERO, new BigDecimal("82000"),
                        null, DAY),
                new ProgressMeasured(ID, "cases", "m-1", new BigDecimal("1500.5"), DAY, "CNB"),
                new AgreementSigned(ID, "mou", "MoU", DAY, List.of("United States", "Mexico")),
                new ProgressAssessed(ID, "assessment-2021-11", Rating.IN_PROGRESS, "On track", DAY),
                new EvidenceAttached(ID, "ev-1", "Press release", "https://example.org/pr", "ab".repeat(32), DAY),
                new CommitmentFulfilled(ID, DAY, "Done"),
                new CommitmentWithdrawn(ID, DAY, "Abandoned"),
                new FundsDeobligated(ID, "deob-2022-01", "ilab-2021-01", Money.of("250000.00", "USD"),
                        LocalDate.of(2022, 9, 30), "Unspent at close-out", "IL-35000-21-75-K"),
                new FactCorrected(ID, FactKind.DISBURSEMENT, "v-2021-001", "FundsDisbursed",
                        new FundsDisbursed(ID, "v-2021-001", Money.of("2500000.00", "USD"), DAY, "ILO", "ilab-2021-01",
                                null, null), "Keyed as 250,000 instead of 2.5 million", LocalDate.of(2022, 3, 20)),
                new FactRetracted(ID, FactKind.DIALOGUE, "hled-2022", "DialogueCancelled", "Entered in error",
                        LocalDate.of(2022, 3, 20)));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void survivesTheTripToJsonAndBack(CommitmentEvent event) throws Exception {
        String stored = json.writeValueAsString(event);

        assertThat(json.readValue(stored, event.getClass())).isEqualTo(event);
        assertThat(json.readTree(stored).get("commitmentId").asText()).isEqualTo(ID);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void carriesARevisionAndAnOccurredOn(CommitmentEvent event) {
        assertThat(event.getClass().getAnnotation(Revision.class).value()).matches("[1-9][0-9]*");
        assertThat(event.occurredOn()).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void aCorrectionNamesItsFactTypeBesideTheWholeCorrectedContent() throws Exception {
        FactCorrected corrected = (FactCorrected) everyEvent().stream().filter(FactCorrected.class::isInstance)
                .findFirst().orElseThrow();
        var stored = json.readTree(json.writeValueAsString(corrected));

        assertThat(stored.get("factKind").asText()).isEqualTo("disbursement");
        assertThat(stored.get("factType").asText()).isEqualTo("FundsDisbursed");
        assertThat(stored.get("content").get("amount").get("value").asText()).isEqualTo("2500000.00");
        assertThat(stored.get("content").has("factType")).isFalse();
        assertThat(corrected.occurredOn()).isEqualTo(LocalDate.of(2022, 3, 20));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void writesNoPropertyBeyondItsFields(CommitmentEvent event) throws Exception {
        var names = new java.util.ArrayList<String>();
        json.readTree(json.writeValueAsString(event)).fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrder(java.util.Arrays.stream(event.getClass().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toArray(String[]::new));
    }
}
