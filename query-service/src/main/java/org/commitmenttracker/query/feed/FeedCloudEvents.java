package org.commitmenttracker.query.feed;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Each feed event as a CloudEvent 1.0 (api.md, "Events for integrators"): the same envelope in
 * the feed, the stream and every webhook delivery.
 */
@Component
public class FeedCloudEvents {

    public static final String TYPE_PREFIX = "org.commitmenttracker.";
    private static final JsonFormat FORMAT = new JsonFormat();

    public CloudEvent toCloudEvent(FeedEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(URI.create("/commitments/" + event.commitmentId()))
                .withType(TYPE_PREFIX + event.type() + ".v" + event.revision())
                .withSubject(event.commitmentId())
                .withTime(event.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create("/api/schemas/" + event.type() + "/" + event.revision()))
                .withData("application/json", event.data().getBytes(StandardCharsets.UTF_8));
        integer(builder, "position", event.position());
        integer(builder, "sequence", event.sequence());
        return builder.build();
    }

    /**
     * CloudEvents integers are 32-bit and the SDK writes any other number as a string: so a JSON
     * number while it fits (two billion events, far beyond this domain), a string after that.
     */
    private static void integer(CloudEventBuilder builder, String name, long value) {
        if (value <= Integer.MAX_VALUE) {
            builder.withExtension(name, Integer.valueOf((int) value));
        } else {
            builder.withExtension(name, Long.toString(value));
        }
    }

    /** The structured-mode JSON form ({@code application/cloudevents+json}). */
    public String toJson(FeedEvent event) {
        return new String(FORMAT.serialize(toCloudEvent(event)), StandardCharsets.UTF_8);
    }
}
