package org.commitmenttracker.events.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.value.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrityChainTest {

    private final FundsDisbursed disbursed = new FundsDisbursed("us-mx-2021-labor-cooperation", "v-2021-001",
            Money.of("10000000", "USD"), LocalDate.of(2021, 11, 15), "ILO", null, null, null);

    @Test
    void storedJsonInAnyKeyOrderHashesLikeTheRecord() {
        String fromRecord = IntegrityChain.hash(IntegrityChain.GENESIS, IntegrityChain.Link.of(disbursed, "officer"));
        JsonNode stored = IntegrityChain.parse("""
                { "recipient": "ILO", "note": null, "obligationId": null, "disbursedOn": "2021-11-15",
                  "amount": {"currency": "USD", "value": "10000000.00"},
                  "disbursementId": "v-2021-001", "commitmentId": "us-mx-2021-labor-cooperation" }
                """.getBytes(StandardCharsets.UTF_8));

        String fromStore = IntegrityChain.hash(IntegrityChain.GENESIS,
                new IntegrityChain.Link("FundsDisbursed", "2", LocalDate.of(2021, 11, 15), "officer", stored));

        assertThat(fromStore).isEqualTo(fromRecord).hasSize(64);
    }

    @Test
    void canonicalFormSortsKeysDropsNullsWritesNoWhitespaceAndDecimalsAsPlainStrings() {
        JsonNode json = IntegrityChain.parse("{\"b\": 1.50E+2, \"e\": null, \"a\": {\"d\": [2, 1], \"c\": \"x\"}}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(IntegrityChain.canonicalJson(json)).isEqualTo("{\"a\":{\"c\":\"x\",\"d\":[\"2\",\"1\"]},\"b\":\"150\"}");
    }

    @Test
    void anyChangeOfPayloadActorOrPreviousHashChangesTheHash() {
        String original = IntegrityChain.hash(IntegrityChain.GENESIS, IntegrityChain.Link.of(disbursed, "officer"));
        FundsDisbursed oneCentMore = new FundsDisbursed(disbursed.commitmentId(), disbursed.disbursementId(),
                Money.of("10000000.01", "USD"), disbursed.disbursedOn(), disbursed.recipient(), null, null, null);

        assertThat(IntegrityChain.hash(IntegrityChain.GENESIS, IntegrityChain.Link.of(oneCentMore, "officer")))
                .isNotEqualTo(original);
        assertThat(IntegrityChain.hash(IntegrityChain.GENESIS, IntegrityChain.Link.of(disbursed, "admin")))
                .isNotEqualTo(original);
        assertThat(IntegrityChain.hash(original, IntegrityChain.Link.of(disbursed, "officer"))).isNotEqualTo(original);
    }
}
