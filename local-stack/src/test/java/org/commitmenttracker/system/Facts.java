package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Writing facts as an officer and reading the integrator feed, for the tests of integrations. */
final class Facts {

    private Facts() {
    }

    /** Announces a commitment; answers the id of its event. */
    static String announce(TrackerHttp commands, String id) {
        return eventId(commands.call("/api/commitments").as("officer").post(Bodies.announcement(id)));
    }

    /** Records one more assessment of the commitment; answers the id of its event. */
    static String assess(TrackerHttp commands, String id, int n) {
        return eventId(commands.call("/api/commitments/" + id + "/assessments").as("officer").post("""
                {"rating": "IN_PROGRESS", "rationale": "Assessment %d", "assessedOn": "2021-07-01"}""".formatted(n)));
    }

    static String pledge(TrackerHttp commands, String id) {
        return eventId(commands.call("/api/commitments/" + id + "/pledges").as("officer").post("""
                {"pledgeId": "labor", "amount": {"value": "130000000", "currency": "USD"},
                 "periodFrom": "2021-06-08", "periodTo": "2024-06-07", "fundingSource": "Department of Labor"}"""));
    }

    private static String eventId(Response answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
        return answer.json().get("eventIds").get(0).asText();
    }

    /** The feed's events (CloudEvents) of one request, e.g. {@code ?commitmentId=x}. */
    static List<JsonNode> feed(TrackerHttp queries, String query) {
        Response page = queries.call("/api/events" + query).as("integrator").get();
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        page.json().get("events").forEach(events::add);
        return events;
    }

    /** Waits until the feed holds {@code count} events of the commitment, and answers them. */
    static List<JsonNode> awaitFeed(TrackerHttp queries, String commitmentId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> feed(queries, "?commitmentId=" + commitmentId), events -> events.size() >= count);
    }
}
