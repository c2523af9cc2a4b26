package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonFormat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the CloudEvents 1.0 spec requires of an event, checked on the JSON a client received:
 * the SDK must read it back, and the attributes must keep the spec's rules and ours (api.md).
 */
final class CloudEventRules {

    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEventRules() {
    }

    /** Asserts that the JSON is a conforming CloudEvent; answers it as the SDK reads it. */
    static CloudEvent assertConforms(JsonNode json) {
        CloudEvent event = FORMAT.deserialize(json.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isNotBlank();
        assertThat(event.getType()).isNotBlank().matches("org\\.commitmenttracker\\.[A-Za-z]+\\.v\\d+");
        // source: a non-empty URI-reference
        assertThat(event.getSource().toString()).isNotEmpty();
        // dataschema: an absolute URI
        assertThat(event.getDataSchema()).isNotNull();
        assertThat(event.getDataSchema().isAbsolute()).as("dataschema %s", event.getDataSchema()).isTrue();
        assertThat(URI.create(event.getDataSchema().toString()).getPath()).startsWith("/api/schemas/");
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        // extension names: lower-case ASCII letters and digits, no longer than 20 characters
        for (String name : event.getExtensionNames()) {
            assertThat(name).matches("[a-z0-9]{1,20}");
        }
        assertThat(event.getExtensionNames()).contains("position", "sequence", "occurredon");
        // the sequence extension is a string; its JSON form too
        assertThat(event.getExtension("sequence")).isInstanceOf(String.class);
        assertThat(json.get("sequence").isTextual()).isTrue();
        assertThat(Long.parseLong((String) event.getExtension("sequence"))).isPositive();
        assertThat(LocalDate.parse((String) event.getExtension("occurredon"))).isNotNull();
        assertThat(json.get("position").isIntegralNumber()).isTrue();
        return event;
    }
}
