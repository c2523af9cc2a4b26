package org.commitmenttracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

/**
 * An integrator polling a commitment revalidates with the detail's {@code ETag} (its version):
 * 304 with no body while nothing happened, the new detail once an event arrived.
 */
class DetailRevalidationTest {

    private final RunningSystem system = RunningSystem.shared();
    private final Officer officer = new Officer(system.commands());
    private final TrackerHttp queries = system.queries();

    @Test
    void anUnchangedDetailIsNotSentAgainAndAChangedOneIs() {
        String id = Bodies.newId();
        officer.post("/api/commitments", Bodies.announcement(id));
        Response first = queries.call("/api/commitments/" + id + "?minVersion=1").as("integrator").get();
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"1\"");

        Response unchanged = queries.call("/api/commitments/" + id).as("integrator").header("If-None-Match", etag).get();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        officer.post("/api/commitments/" + id + "/pledges", Bodies.pledge("p-1", "1000.00", "USD"));
        Response changed = queries.call("/api/commitments/" + id + "?minVersion=2").as("integrator")
                .header("If-None-Match", etag).get();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).contains("\"2\"");
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
    }
}
