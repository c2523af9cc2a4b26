package org.commitmenttracker.query.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The stream's timing: how often the shared dispatcher looks at the feed, how often an idle
 * connection gets a heartbeat comment, and how long one connection lasts before the client
 * reconnects (resuming with {@code Last-Event-ID}).
 */
@ConfigurationProperties("tracker.stream")
record StreamProperties(Duration pollInterval, Duration heartbeat, Duration timeout) {

    StreamProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
    }
}
