package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.json.JacksonSerializer;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Source;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerificationTest {

    private static final String HLED = "us-mx-2021-hled";
    private static final EventDecoder DECODER = new EventDecoder(JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules().build()).build());
    private static final Instant T0 = Instant.parse("2021-06-08T15:00:00Z");

    private final List<StoredEvent> stream = new StoredStream()
            .append(new CommitmentAnnounced(HLED, "High-Level Economic Dialogue", "Resume the HLED.",
                    Category.ECONOMIC_DIALOGUE, List.of("US", "MX"), List.of("Department of Commerce"),
                    LocalDate.of(2021, 6, 8), new Source("Vice President Harris Visit", null,
                    LocalDate.of(2021, 6, 15)), LocalDate.of(2021, 9, 30)), "officer", T0)
            .append(new DialogueScheduled(HLED, "hled-2021", "High-Level Economic Dialogue 2021",
                    LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30), null, LocalDate.of(2021, 6, 15)),
                    "officer", T0.plusSeconds(60))
            .append(new FundsPledged(HLED, "hled-support", Money.of("250000.00", "USD"), LocalDate.of(2021, 7, 1),
                    LocalDate.of(2022, 6, 30), "Department of Commerce", LocalDate.of(2021, 7, 1), null),
                    "officer", T0.plusSeconds(120))
            .append(new FundsDisbursed(HLED, "vch-001", Money.of("1000.00", "USD"), LocalDate.of(2021, 8, 1),
                    "Venue", null, null, null), "officer", T0.plusSeconds(180))
            .append(new FundsDisbursed(HLED, "vch-002", Money.of("2000.00", "USD"), LocalDate.of(2021, 8, 2),
                    "Catering", null, null, null), "officer", T0.plusSeconds(240))
            .append(new DialogueHeld(HLED, "hled-2021", LocalDate.of(2021, 9, 9), "Washington, D.C.",
                    List.of("Building back together"), null), "officer", T0.plusSeconds(300))
            .events();

    @Test
    void chainAsStoredIsValidAndEndsInTheHashOfTheLastEvent() {
        IntegrityReport report = verify(stream);

        assertThat(report.commitmentId()).isEqualTo(HLED);
        assertThat(report.events()).isEqualTo(6);
        assertThat(report.valid()).isTrue();
        assertThat(report.firstInvalidVersion()).isNull();
        assertThat(report.headHash()).isEqualTo(stream.get(5).metaData("hash")).hasSize(64);
    }

    @Test
    void oneChangedByteOfAPayloadNamesThatVersion() {
        List<StoredEvent> tampered = new ArrayList<>(stream);
        String held = new String(stream.get(5).payload(), StandardCharsets.UTF_8);
        tampered.set(5, StoredStream.withPayload(stream.get(5),
                held.replace("Washington", "Washingtom").getBytes(StandardCharsets.UTF_8)));

        IntegrityReport report = verify(tampered);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstInvalidVersion()).isEqualTo(6);
    }

    @Test
    void changedAmountInTheMiddleNamesThatVersionNotALaterOne() {
        List<StoredEvent> tampered = new ArrayList<>(stream);
        String disbursed = new String(stream.get(3).payload(), StandardCharsets.UTF_8);
        tampered.set(3, StoredStream.withPayload(stream.get(3),
                disbursed.replace("1000.00", "9000.00").getBytes(StandardCharsets.UTF_8)));

        assertThat(verify(tampered).firstInvalidVersion()).isEqualTo(4);
    }

    @Test
    void swappedPayloadsAreCaughtAtTheFirstOfThem() {
        List<StoredEvent> swapped = new ArrayList<>(stream);
        swapped.set(3, StoredStream.withPayload(stream.get(3), stream.get(4).payload()));
        swapped.set(4, StoredStream.withPayload(stream.get(4), stream.get(3).payload()));

        assertThat(verify(swapped).firstInvalidVersion()).isEqualTo(4);
    }

    @Test
    void removedEventIsCaughtAtTheEventAfterTheGap() {
        List<StoredEvent> cut = new ArrayList<>(stream);
        cut.remove(2);

        IntegrityReport report = verify(cut);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstInvalidVersion()).isEqualTo(4);
    }

    @Test
    void otherActorIsCaught() {
        List<StoredEvent> tampered = new ArrayList<>(stream);
        StoredEvent pledge = stream.get(2);
        tampered.set(2, StoredStream.withMetaData(pledge, """
                {"actor": "someone-else", "hash": "%s", "previousHash": "%s"}"""
                .formatted(pledge.metaData("hash"), pledge.metaData("previousHash"))));

        assertThat(verify(tampered).firstInvalidVersion()).isEqualTo(3);
    }

    @Test
    void rewrittenHashThatNoLongerLinksIsCaughtAtTheNextEvent() {
        // An intruder who changes a payload and stores its new hash still breaks the link to the next event.
        List<StoredEvent> tampered = new ArrayList<>(stream);
        StoredEvent pledge = stream.get(2);
        tampered.set(2, StoredStream.withMetaData(pledge, """
                {"actor": "officer", "hash": "%s", "previousHash": "%s"}"""
                .formatted("f".repeat(64), pledge.metaData("previousHash"))));

        assertThat(verify(tampered).firstInvalidVersion()).isEqualTo(3);
    }

    @Test
    void payloadThatIsNoLongerJsonIsInvalid() {
        List<StoredEvent> tampered = new ArrayList<>(stream);
        tampered.set(1, StoredStream.withPayload(stream.get(1), "{\"commitmentId\": ".getBytes(StandardCharsets.UTF_8)));
        assertThat(occurredOn(tampered.get(1))).isNull();
        assertThat(verify(tampered).firstInvalidVersion()).isEqualTo(2);
    }

    private static IntegrityReport verify(List<StoredEvent> events) {
        ChainVerification chain = new ChainVerification(HLED);
        events.forEach(event -> chain.add(event, occurredOn(event)));
        return chain.report();
    }

    /** The event's date as the service reads it: from the record the stored payload makes, if any. */
    private static LocalDate occurredOn(StoredEvent event) {
        return DECODER.decode(event).map(CommitmentEvent::occurredOn).orElse(null);
    }
}
