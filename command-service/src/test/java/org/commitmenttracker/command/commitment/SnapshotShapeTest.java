package org.commitmenttracker.command.commitment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.commitmenttracker.command.funding.Funding;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDeobligated;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.command.commitment.Examples.AWARD;
import static org.commitmenttracker.command.commitment.Examples.DISBURSED_ON;
import static org.commitmenttracker.command.commitment.Examples.HLED_DIALOGUE;
import static org.commitmenttracker.command.commitment.Examples.ILO;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.laborHistory;
import static org.commitmenttracker.command.commitment.Examples.usd;

/**
 * A snapshot holds the aggregate as JSON (fields, as Axon's Jackson serializer writes them): the
 * feature states with their recorded facts must come back from it exactly, and the aggregate
 * names the revision of that shape so that Axon skips snapshots of an older one.
 */
class SnapshotShapeTest {

    private static final ObjectMapper SNAPSHOTS = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void aCommitmentWithEveryKindOfStateSurvivesTheTripThroughASnapshot() throws Exception {
        Commitment commitment = commitmentAfter(everyKindOfFact());
        String snapshot = SNAPSHOTS.writeValueAsString(commitment);

        Commitment restored = SNAPSHOTS.readValue(snapshot, Commitment.class);

        assertThat(SNAPSHOTS.writeValueAsString(restored)).isEqualTo(snapshot);
        assertThat(SNAPSHOTS.readTree(snapshot).at("/funding/disbursements/" + Examples.VOUCHER + "/recorded/eventId")
                .asText()).isEqualTo("event-4");
        assertThat(SNAPSHOTS.readTree(snapshot).at("/dialogues/dialogues/" + HLED_DIALOGUE + "/held/recorded/retracted")
                .asBoolean()).isTrue();
    }

    @Test
    void theAggregateNamesTheRevisionOfItsSnapshotShape() {
        assertThat(Commitment.class.getAnnotation(Revision.class).value()).isEqualTo("2");
    }

    @Test
    void aRestoredFundingStateDecidesAsTheOriginal() throws Exception {
        Commitment restored = SNAPSHOTS.readValue(SNAPSHOTS.writeValueAsString(commitmentAfter(everyKindOfFact())),
                Commitment.class);
        Funding funding = (Funding) restored.featureStates().get(0);

        assertThat(funding.remaining(AWARD)).isEqualByComparingTo("3500000.00");
    }

    private static List<Object> everyKindOfFact() {
        List<Object> events = new ArrayList<>(laborHistory());
        events.add(new FundsDisbursed(LABOR, "voucher-2", usd("500000.00"), DISBURSED_ON, ILO, AWARD, null, "V-2"));
        events.add(new DisbursementReversed(LABOR, "voucher-2", usd("500000.00"), "Paid twice.", TODAY, AWARD, null));
        events.add(new FundsDeobligated(LABOR, "close-out", AWARD, usd("500000.00"), TODAY, "Unspent.", null));
        events.add(new FactCorrected(LABOR, FactKind.DISBURSEMENT, Examples.VOUCHER, "FundsDisbursed",
                new FundsDisbursed(LABOR, Examples.VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, AWARD, null,
                        "2021/09-001"), "Reference added.", TODAY));
        events.add(Examples.hledScheduled());
        events.add(Examples.hledHeld());
        events.add(new FactRetracted(LABOR, FactKind.DIALOGUE, HLED_DIALOGUE, "DialogueHeld", "Entered in error.",
                TODAY));
        return events;
    }

    private static Commitment commitmentAfter(List<Object> events) {
        Commitment commitment = new Commitment();
        for (int i = 0; i < events.size(); i++) {
            commitment.on((CommitmentEvent) events.get(i), "hash-" + i, i, "event-" + (i + 1), null);
        }
        return commitment;
    }

}
