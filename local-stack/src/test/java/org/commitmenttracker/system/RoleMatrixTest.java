package org.commitmenttracker.system;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix of api.md, walked over every endpoint the running services map: each role
 * and an anonymous caller on each. The matrix is written here from the contract, not read from
 * the code; an endpoint missing from it fails the test, so none can slip through unchecked.
 */
class RoleMatrixTest {

    /** The users of the local stack; {@code metrics} (role METRICS) may only scrape, so it appears in no set below. */
    private static final List<String> ROLES = List.of("officer", "auditor", "integrator", "admin", "metrics");
    private static final Set<String> PUBLIC = Set.of();
    private static final Set<String> OFFICERS = Set.of("officer", "admin");
    private static final Set<String> AUDITORS = Set.of("auditor", "admin");
    private static final Set<String> INTEGRATORS = Set.of("integrator", "admin");
    private static final Set<String> ADMINS = Set.of("admin");
    private static final Set<String> EVERY_ROLE = Set.of("officer", "auditor", "integrator", "admin");

    /** api.md, "Security": who may call what. {@code PUBLIC} needs no credentials at all. */
    private static final Map<String, Set<String>> QUERY_SERVICE = new LinkedHashMap<>();
    private static final Map<String, Set<String>> COMMAND_SERVICE = new LinkedHashMap<>();

    static {
        for (String path : List.of("/api/commitments", "/api/commitments/{id}/dialogues",
                "/api/commitments/{id}/dialogues/{dialogueId}/reschedule",
                "/api/commitments/{id}/dialogues/{dialogueId}/mark-held",
                "/api/commitments/{id}/dialogues/{dialogueId}/cancel", "/api/commitments/{id}/pledges",
                "/api/commitments/{id}/pledges/{pledgeId}/revise", "/api/commitments/{id}/obligations",
                "/api/commitments/{id}/disbursements", "/api/commitments/{id}/disbursements/{disbursementId}/reverse",
                "/api/commitments/{id}/milestones", "/api/commitments/{id}/milestones/{milestoneId}/mark-achieved",
                "/api/commitments/{id}/indicators", "/api/commitments/{id}/indicators/{indicatorId}/measurements",
                "/api/commitments/{id}/agreements", "/api/commitments/{id}/assessments",
                "/api/commitments/{id}/evidence", "/api/commitments/{id}/fulfil", "/api/commitments/{id}/withdraw",
                "/api/commitments/{id}/obligations/{obligationId}/deobligate", "/api/commitments/{id}/corrections",
                "/api/commitments/{id}/retractions", "/api/imports/fact-sheets")) {
            COMMAND_SERVICE.put("POST " + path, OFFICERS);
        }
        COMMAND_SERVICE.put("PATCH /api/commitments/{id}", OFFICERS);

        for (String path : List.of("/api/commitments", "/api/commitments/{id}", "/api/commitments/{id}/timeline",
                "/api/commitments/{id}/ledger", "/api/dialogues", "/api/dashboard", "/api/schemas",
                "/api/schemas/{type}/{revision}")) {
            QUERY_SERVICE.put("GET " + path, EVERY_ROLE);
        }
        for (String path : List.of("/api/commitments/{id}/history", "/api/commitments/{id}/state",
                "/api/commitments/{id}/integrity", "/api/integrity", "/api/export")) {
            QUERY_SERVICE.put("GET " + path, AUDITORS);
        }
        // api.md: the log's checkpoints, key and proofs need no login, anyone may verify
        for (String path : List.of("/api/log/checkpoint", "/api/log/checkpoints", "/api/log/key",
                "/api/log/proofs/inclusion", "/api/log/proofs/consistency")) {
            QUERY_SERVICE.put("GET " + path, PUBLIC);
        }
        for (String endpoint : List.of("GET /api/events", "GET /api/events/stream", "GET /api/subscriptions",
                "POST /api/subscriptions", "GET /api/subscriptions/{id}", "DELETE /api/subscriptions/{id}",
                "GET /api/subscriptions/{id}/deliveries", "POST /api/subscriptions/{id}/pause",
                "POST /api/subscriptions/{id}/resume", "POST /api/subscriptions/{id}/replay",
                "POST /api/subscriptions/{id}/deliveries/{deliveryId}/redeliver")) {
            QUERY_SERVICE.put(endpoint, INTEGRATORS);
        }
        for (String endpoint : List.of("GET /api/audit-log", "GET /api/projections", "POST /api/projections/{name}/replay",
                "POST /api/projections/{name}/dead-letters/retry")) {
            QUERY_SERVICE.put(endpoint, ADMINS);
        }
        // api.md "Public, without login": the published commitments, their IATI file and the progress page.
        for (String path : List.of("/public/api/commitments", "/public/api/commitments/{id}",
                "/public/api/commitments/{id}/timeline", "/public/api/commitments/{id}/ledger",
                "/public/iati/activities.xml", "/public", "/public/", "/public/commitments/{id}")) {
            QUERY_SERVICE.put("GET " + path, PUBLIC);
        }
        for (Map<String, Set<String>> service : List.of(COMMAND_SERVICE, QUERY_SERVICE)) {
            service.put("GET /v3/api-docs", PUBLIC);
            service.put("GET /v3/api-docs.yaml", PUBLIC);
            service.put("GET /v3/api-docs/swagger-config", PUBLIC);
            service.put("GET /swagger-ui.html", PUBLIC);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningSystem system = RunningSystem.shared();

    @Test
    void everyCommandEndpointAnswersAsTheMatrixSays() {
        walk(system.commandService, COMMAND_SERVICE);
    }

    @Test
    void everyQueryEndpointAnswersAsTheMatrixSays() {
        walk(system.queryService, QUERY_SERVICE);
    }

    @Test
    void actuatorShowsHealthAndInfoToAllAndMetricsToAdminsAndTheScraperOnly() {
        for (ConfigurableApplicationContext service : List.of(system.commandService, system.queryService)) {
            String base = RunningSystem.http(service).baseUrl();
            assertThat(status(base, "GET", "/actuator/health", null)).isEqualTo(200);
            assertThat(status(base, "GET", "/actuator/info", null)).isEqualTo(200);
            assertThat(status(base, "GET", "/actuator/prometheus", null)).isEqualTo(401);
            for (String role : ROLES) {
                assertThat(status(base, "GET", "/actuator/prometheus", role)).as(role)
                        .isEqualTo(role.equals("admin") || role.equals("metrics") ? 200 : 403);
            }
        }
    }

    private void walk(ConfigurableApplicationContext service, Map<String, Set<String>> matrix) {
        String base = RunningSystem.http(service).baseUrl();
        Set<String> unknown = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (String endpoint : mappedEndpoints(service)) {
            Set<String> allowed = matrix.get(endpoint);
            if (allowed == null) {
                unknown.add(endpoint);
                continue;
            }
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            int anonymous = status(base, method, path, null);
            if (allowed == PUBLIC ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(endpoint + " anonymous: " + anonymous);
            }
            if (allowed == PUBLIC) {
                continue;
            }
            for (String role : ROLES) {
                int status = status(base, method, path, role);
                boolean refused = status == 401 || status == 403;
                if (allowed.contains(role) ? refused : status != 403) {
                    wrong.add(endpoint + " as " + role + ": " + status);
                }
            }
        }
        assertThat(unknown).as("endpoints missing from the role matrix of this test").isEmpty();
        assertThat(wrong).as("answers that break the role matrix").isEmpty();
    }

    private static Set<String> mappedEndpoints(ConfigurableApplicationContext service) {
        RequestMappingHandlerMapping mapping = service.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    /** Path variables become ids that exist nowhere, so an allowed call changes nothing. */
    private static String concrete(String pattern) {
        return pattern.replace("{type}", "FundsDisbursed").replace("{revision}", "1")
                .replaceAll("\\{[^}]+}", "role-matrix-probe");
    }

    /** Only the status line: a stream that stays open is closed as soon as its headers arrive. */
    private static int status(String base, String method, String path, String role) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (role != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((role + ":" + role + "-local").getBytes(StandardCharsets.UTF_8)));
        }
        boolean withBody = method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
        request.method(method, withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
