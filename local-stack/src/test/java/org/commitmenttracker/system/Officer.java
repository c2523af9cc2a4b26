package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer logging facts over HTTP on the command service; every fact must be accepted. */
final class Officer {

    private final TrackerHttp commands;

    Officer(TrackerHttp commands) {
        this.commands = commands;
    }

    /** Sends a command; answers its {@code {commitmentId, version, eventIds}}. */
    JsonNode post(String path, String body) {
        Response response = commands.call(path).as("officer").post(body);
        assertThat(response.status()).as("POST %s %s: %s", path, body, response.body()).isIn(200, 201);
        return response.json();
    }

    JsonNode patch(String path, String body) {
        Response response = commands.call(path).as("officer").patch(body);
        assertThat(response.status()).as("PATCH %s %s: %s", path, body, response.body()).isEqualTo(200);
        return response.json();
    }
}
