package org.commitmenttracker.events.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.upcasting.CommitmentEventUpcasters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each older revision's stored JSON, taken through the upcasters as the event store reads it,
 * becomes today's record: the fields it had unchanged, the fields added since as the upcaster
 * fills them.
 */
class UpcastersTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventSamplesTest.STRICT.copy()).build();
    private static final long SEQUENCE_NUMBER = 41;

    static List<Class<? extends CommitmentEvent>> olderRevisions() {
        return List.of(FundsPledged.class, PledgeRevised.class, FundsObligated.class, FundsDisbursed.class,
                DisbursementReversed.class, ProgressAssessed.class);
    }

    @ParameterizedTest
    @MethodSource("olderRevisions")
    void revisionOneReadsAsTodaysRecordWithItsFieldsKept(Class<? extends CommitmentEvent> type) throws Exception {
        JsonNode stored = EventSamplesTest.sample(EventTypes.name(type), "1");

        IntermediateEventRepresentation upcast = upcast(type, stored);
        CommitmentEvent event = SERIALIZER.deserialize(upcast.getData());

        assertThat(upcast.getType().getRevision()).isEqualTo(EventTypes.revision(type));
        assertThat(event).isInstanceOf(type);
        ObjectNode today = SERIALIZER.getObjectMapper().valueToTree(event);
        stored.fieldNames().forEachRemaining(field -> assertThat(today.get(field)).as(field).isEqualTo(stored.get(field)));
    }

    @Test
    void aFundingFactOfRevisionOneHasNoReference() throws Exception {
        FundsDisbursed disbursed = SERIALIZER.deserialize(upcast(FundsDisbursed.class,
                EventSamplesTest.sample("FundsDisbursed", "1")).getData());

        assertThat(disbursed.reference()).isNull();
        assertThat(disbursed.obligationId()).isEqualTo("ilab-2021-01");
    }

    @Test
    void aReversalOfRevisionOneDoesNotKnowItsObligation() throws Exception {
        DisbursementReversed reversed = SERIALIZER.deserialize(upcast(DisbursementReversed.class,
                EventSamplesTest.sample("DisbursementReversed", "1")).getData());

        assertThat(reversed.obligationId()).isNull();
        assertThat(reversed.reference()).isNull();
    }

    @Test
    void anAssessmentOfRevisionOneGetsAStableIdFromItsPlaceInTheStream() throws Exception {
        JsonNode stored = EventSamplesTest.sample("ProgressAssessed", "1");

        ProgressAssessed first = SERIALIZER.deserialize(upcast(ProgressAssessed.class, stored).getData());
        ProgressAssessed again = SERIALIZER.deserialize(upcast(ProgressAssessed.class, stored).getData());

        assertThat(first.assessmentId()).isEqualTo("assessment-" + SEQUENCE_NUMBER).isEqualTo(again.assessmentId());
    }

    @Test
    void theCurrentRevisionPassesUnchanged() throws Exception {
        JsonNode stored = EventSamplesTest.sample("FundsDisbursed", "2");

        IntermediateEventRepresentation upcast = upcast(FundsDisbursed.class, stored, "2");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(((FundsDisbursed) SERIALIZER.deserialize(upcast.getData())).reference()).isEqualTo("2022/03-002");
    }

    private static IntermediateEventRepresentation upcast(Class<?> type, JsonNode stored) throws Exception {
        return upcast(type, stored, "1");
    }

    /** As the JDBC event store hands a stored row to the upcaster chain. */
    private static IntermediateEventRepresentation upcast(Class<?> type, JsonNode stored, String revision)
            throws Exception {
        byte[] payload = EventSamplesTest.STRICT.writeValueAsBytes(stored);
        SerializedObject<byte[]> metaData = SERIALIZER.serialize(MetaData.emptyInstance(), byte[].class);
        var entry = new GenericDomainEventEntry<>("Commitment", "us-mx-2021-labor-cooperation", SEQUENCE_NUMBER,
                "event-1", Instant.parse("2022-03-20T10:00:00Z"), type.getName(), revision, payload,
                metaData.getData());
        List<IntermediateEventRepresentation> result = CommitmentEventUpcasters.chain()
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }
}
