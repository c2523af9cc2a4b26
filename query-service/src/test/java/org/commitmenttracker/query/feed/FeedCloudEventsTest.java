package org.commitmenttracker.query.feed;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedCloudEventsTest {

    private static final FeedEvent DISBURSED = new FeedEvent(42, "e-1", "us-mx-2021-labor", 7, "FundsDisbursed", "1",
            Instant.parse("2021-09-02T10:15:30Z"), "{\"disbursedOn\":\"2021-09-01\"}", LocalDate.of(2021, 9, 1));

    @Test
    void theJsonFormReadsBackWithTheSdkAndKeepsTheSpecsAttributeTypes() {
        FeedCloudEvents mapper = new FeedCloudEvents("https://tracker.example.org/");

        String json = mapper.toJson(DISBURSED);
        CloudEvent read = new JsonFormat().deserialize(json.getBytes(StandardCharsets.UTF_8));

        assertThat(read.getId()).isEqualTo("e-1");
        assertThat(read.getSource()).isEqualTo(URI.create("/commitments/us-mx-2021-labor"));
        assertThat(read.getType()).isEqualTo("org.commitmenttracker.FundsDisbursed.v1");
        assertThat(read.getDataSchema()).isEqualTo(URI.create("https://tracker.example.org/api/schemas/FundsDisbursed/1"));
        assertThat(read.getExtension("sequence")).isEqualTo("7");
        assertThat(read.getExtension("occurredon")).isEqualTo("2021-09-01");
        assertThat(read.getExtension("position")).isEqualTo(42);
        assertThat(json).contains("\"sequence\":\"7\"").contains("\"position\":42");
        assertThat(new String(read.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo(DISBURSED.data());
    }

    @Test
    void aRelativeBaseUrlIsRefusedAtStart() {
        assertThatThrownBy(() -> new FeedCloudEvents("/api")).isInstanceOf(IllegalArgumentException.class);
    }
}
