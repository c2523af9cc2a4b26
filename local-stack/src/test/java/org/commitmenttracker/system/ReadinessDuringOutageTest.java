package org.commitmenttracker.system;

import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness tells a load balancer the truth: with PostgreSQL stopped neither service can do its
 * work, so both say 503 (not ready) while liveness stays UP (a restart would not help), and both
 * are ready again once PostgreSQL is back, without a restart.
 */
class ReadinessDuringOutageTest {

    @Test
    void readinessFollowsTheDatabaseAndLivenessDoesNot(@TempDir Path data) {
        try (TestDatabase.StoppableDatabase postgres = RunningSystem.stoppableDatabase(data);
             ConfigurableApplicationContext commandService = RunningSystem.start(CommandServiceApplication.builder(),
                     postgres.database().commandServiceProperties());
             ConfigurableApplicationContext queryService = RunningSystem.start(QueryServiceApplication.builder(),
                     postgres.database().queryServiceProperties())) {
            List<TrackerHttp> services = List.of(RunningSystem.http(commandService), RunningSystem.http(queryService));
            for (TrackerHttp service : services) {
                await().atMost(Duration.ofSeconds(30)).until(() -> readiness(service) == 200);
            }

            postgres.stop();
            for (TrackerHttp service : services) {
                await().atMost(Duration.ofSeconds(30)).until(() -> readiness(service) == 503);
                assertThat(service.call("/actuator/health/readiness").get().json().path("status").asText())
                        .isEqualTo("DOWN");
                assertThat(service.call("/actuator/health/liveness").get().status()).isEqualTo(200);
            }

            postgres.start();
            for (TrackerHttp service : services) {
                await().atMost(Duration.ofSeconds(60)).until(() -> readiness(service) == 200);
            }
        }
    }

    private static int readiness(TrackerHttp service) {
        return service.call("/actuator/health/readiness").get().status();
    }
}
