package org.commitmenttracker.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's OpenAPI document, loaded with a validating parser as a client generator would:
 * valid, titled, both ways to sign in, unique operation ids, the real headers, 201 with
 * Location for creations, and the problem documents every operation may answer with.
 */
class ApiDocumentTest {

    private static final List<String> EVERY_OPERATIONS_PROBLEMS = List.of("400", "401", "403", "404", "503");
    private static final List<String> WRITING_PROBLEMS = List.of("409", "422");

    private final RunningSystem system = RunningSystem.shared();

    @Test
    void bothDocumentsAreValidAndTitledWithBothWaysToSignIn() {
        for (TrackerHttp service : List.of(system.commands(), system.queries())) {
            OpenAPI api = load(service);
            assertThat(api.getInfo().getTitle()).startsWith("Commitment Tracker ").doesNotContain("OpenAPI definition");
            assertThat(api.getInfo().getVersion()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(api.getInfo().getDescription()).isNotBlank();
            assertThat(api.getComponents().getSecuritySchemes()).containsKeys("basic", "bearer");
            assertThat(api.getComponents().getSecuritySchemes().get("basic").getScheme()).isEqualTo("basic");
            assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
            assertThat(api.getSecurity()).isNotEmpty();
            assertThat(api.getPaths()).doesNotContainKey("/error");
        }
        assertThat(load(system.commands()).getInfo().getTitle()).contains("command-service");
        assertThat(load(system.queries()).getInfo().getTitle()).contains("query-service");
    }

    @Test
    void everyOperationHasAUniqueReadableIdAndDocumentsItsProblems() {
        for (TrackerHttp service : List.of(system.commands(), system.queries())) {
            Set<String> ids = new HashSet<>();
            List<String> missing = new ArrayList<>();
            operations(load(service)).forEach((name, operation) -> {
                assertThat(operation.getOperationId()).as(name).isNotBlank().doesNotContainPattern("_\\d+$");
                assertThat(ids.add(operation.getOperationId())).as("unique id of " + name).isTrue();
                List<String> expected = new ArrayList<>(EVERY_OPERATIONS_PROBLEMS);
                if (!name.startsWith("GET ")) {
                    expected.addAll(WRITING_PROBLEMS);
                }
                for (String status : expected) {
                    ApiResponse response = operation.getResponses().get(status);
                    if (response == null || response.getContent() == null
                            || !response.getContent().containsKey("application/problem+json")
                            || response.getContent().get("application/problem+json").getExample() == null) {
                        missing.add(name + " " + status);
                    }
                }
                assertThat(parameterNames(operation, "header")).as(name).contains("X-Correlation-Id");
            });
            assertThat(missing).as("problem answers not documented").isEmpty();
        }
    }

    @Test
    void commandsDocumentTheirHeadersAndCreationsTheir201() {
        Map<String, Operation> commands = operations(load(system.commands()));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(21);
        commands.forEach((name, operation) -> {
            assertThat(parameterNames(operation, "query")).as(name).doesNotContain("context");
            if (!name.equals("POST /api/imports/fact-sheets")) {
                assertThat(parameterNames(operation, "header")).as(name)
                        .contains("If-Match", "Idempotency-Key", "X-Correlation-Id");
                assertThat(operation.getResponses()).as(name).containsKey("412");
            }
        });
        for (String created : List.of("POST /api/commitments", "POST /api/commitments/{id}/pledges",
                "POST /api/commitments/{id}/disbursements", "POST /api/commitments/{id}/milestones")) {
            Operation operation = commands.get(created);
            assertThat(operation.getResponses()).as(created).containsKey("201").doesNotContainKey("200");
            assertThat(operation.getResponses().get("201").getHeaders()).as(created).containsKeys("Location", "ETag");
        }
        assertThat(commands.get("POST /api/commitments/{id}/fulfil").getResponses()).containsKey("200");
        Operation subscribe = operations(load(system.queries())).get("POST /api/subscriptions");
        assertThat(subscribe.getResponses().get("201").getHeaders()).containsKey("Location");
    }

    private static OpenAPI load(TrackerHttp service) {
        String document = service.call("/v3/api-docs").get().body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).as("what the parser finds wrong").isEmpty();
        return result.getOpenAPI();
    }

    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> operations = new java.util.TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.put(method.name() + " " + path, operation)));
        return operations;
    }

    private static List<String> parameterNames(Operation operation, String in) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        return parameters.stream().filter(p -> in.equals(p.getIn())).map(Parameter::getName).toList();
    }

}
