package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} a service writes one JSON document per line
 * (Elastic Common Schema), and every line written while a request is handled carries the
 * request's correlation id, the one the caller sent and the answer echoes.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void requestLogLinesAreJsonWithTheCorrelationId(CapturedOutput output) {
        Map<String, Object> properties = new HashMap<>(RunningSystem.newDatabase().commandServiceProperties());
        properties.put("logging.structured.format.console", "ecs");
        // Spring MVC says at DEBUG what each request is; enough lines to look at.
        properties.put("logging.level.org.springframework.web.servlet.DispatcherServlet", "DEBUG");
        try (ConfigurableApplicationContext commandService = RunningSystem.start(CommandServiceApplication.builder(),
                properties)) {
            TrackerHttp commands = RunningSystem.http(commandService);
            String id = "json-logs-" + System.nanoTime();
            var answer = commands.call("/api/commitments").as("officer").header("X-Correlation-Id", "trace-me-42")
                    .post(Bodies.announcement(id));
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.header("X-Correlation-Id")).contains("trace-me-42");

            List<JsonNode> requestLines = new ArrayList<>();
            for (String line : output.getOut().split("\\R")) {
                if (line.startsWith("{") && line.contains("trace-me-42")) {
                    requestLines.add(parse(line));
                }
            }
            assertThat(requestLines).isNotEmpty();
            assertThat(requestLines).allSatisfy(line -> {
                assertThat(line.path("correlationId").asText()).isEqualTo("trace-me-42");
                assertThat(line.path("@timestamp").asText()).isNotBlank();
                assertThat(line.path("log").path("level").asText()).isNotBlank();
                assertThat(line.path("service").path("name").asText()).isEqualTo("command-service");
            });
            assertThat(requestLines).anySatisfy(line -> assertThat(line.path("message").asText())
                    .contains("/api/commitments"));
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
