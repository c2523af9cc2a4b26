package org.commitmenttracker.query.feed;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Each feed event as a CloudEvent 1.0 (api.md, "Events for integrators"): the one mapper, so
 * the feed, the stream, every webhook delivery and Kafka carry the same envelope.
 */
@Component
public class FeedCloudEvents {

    public static final String TYPE_PREFIX = "org.commitmenttracker.";
    /** Extension names: lower-case letters and digits only, as the spec requires. */
    public static final String POSITION = "position";
    public static final String SEQUENCE = "sequence";
    public static final String OCCURRED_ON = "occurredon";
    private static final JsonFormat FORMAT = new JsonFormat();

    private final String baseUrl;

    /** {@code baseUrl}: where integrators reach this service, so that {@code dataschema} is an absolute URI. */
    public FeedCloudEvents(@Value("${tracker.query-service.base-url}") String baseUrl) {
        URI base = URI.create(baseUrl);
        if (!base.isAbsolute()) {
            throw new IllegalArgumentException("tracker.query-service.base-url must be an absolute URL: " + baseUrl);
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public CloudEvent toCloudEvent(FeedEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(URI.create("/commitments/" + event.commitmentId()))
                .withType(TYPE_PREFIX + event.type() + ".v" + event.revision())
                .withSubject(event.commitmentId())
                .withTime(event.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(baseUrl + "/api/schemas/" + event.type() + "/" + event.revision()))
                .withData("application/json", event.data().getBytes(StandardCharsets.UTF_8));
        position(builder, event.position());
        // The sequence extension defines a string (it compares lexicographically only at equal length).
        builder.withExtension(SEQUENCE, Long.toString(event.sequence()));
        if (event.occurredOn() != null) {
            builder.withExtension(OCCURRED_ON, event.occurredOn().toString());
        }
        return builder.build();
    }

    /**
     * CloudEvents integers are 32-bit and the SDK writes any other number as a string: so a JSON
     * number while it fits (two billion events, far beyond this domain), a string after that.
     */
    private static void position(CloudEventBuilder builder, long value) {
        if (value <= Integer.MAX_VALUE) {
            builder.withExtension(POSITION, Integer.valueOf((int) value));
        } else {
            builder.withExtension(POSITION, Long.toString(value));
        }
    }

    /** The structured-mode JSON form ({@code application/cloudevents+json}). */
    public String toJson(FeedEvent event) {
        return new String(FORMAT.serialize(toCloudEvent(event)), StandardCharsets.UTF_8);
    }
}
