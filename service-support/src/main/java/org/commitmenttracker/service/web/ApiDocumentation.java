package org.commitmenttracker.service.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document of each service as a client generator needs it: a title and version,
 * both ways to sign in, one readable operation id per endpoint, the correlation header, and the
 * problem documents each endpoint may answer with. Spring's {@code /error} is not an API.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "Problem";
    private static final String CORRELATION_HEADER = "CorrelationId";

    /** The problems every endpoint may answer with; a writing endpoint adds {@link #WRITE_PROBLEMS}. */
    private static final Map<String, String[]> PROBLEMS = problems(
            "400", "Invalid request", "The request has 1 invalid field(s).",
            "401", "Unauthorized", "Sign in with HTTP Basic or a bearer token.",
            "403", "Forbidden", "Your role may not do this.",
            "404", "Not found", "There is no commitment 'us-mx-2021-hled'.",
            "503", "Service unavailable", "The database does not answer; try again shortly.");
    private static final Map<String, String[]> WRITE_PROBLEMS = problems(
            "409", "Conflict", "Another request changed the commitment at the same time; try again.",
            "422", "Unprocessable request", "The commitment is withdrawn; it takes no more facts.",
            "503", "Service unavailable (nothing was written), or Outcome unknown (the database broke off the commit: "
                    + "read before sending it again; a command with an Idempotency-Key may simply be sent again)",
            "The database went away while this command was being committed, so it may have been recorded. Send "
                    + "the same request with the same Idempotency-Key to get its answer either way.");

    @Bean
    OpenAPI trackerOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        // the configured public URL (relative by default), never one springdoc builds from the Host header
        String publicUrl = environment.getProperty("tracker.http.public-url", "/");
        String service = environment.getProperty("spring.application.name", "service");
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Commitment Tracker " + service)
                        .version(properties != null ? properties.getVersion() : "development")
                        .description("What governments promised and how each promise progressed, as an immutable "
                                + "stream of events. Every error is an application/problem+json document (RFC 9457). "
                                + "Each request may carry X-Correlation-Id; every answer names it."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema())
                        .addHeaders(CORRELATION_HEADER, new Header()
                                .description("The request's correlation id: the caller's, else a new one.")
                                .schema(new StringSchema())))
                // either one
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .servers(List.of(new Server().url(publicUrl)));
    }

    /** Operation ids from the controller and method names, e.g. {@code commitmentQueryList}: unique and stable. */
    @Bean
    OperationCustomizer trackerOperations() {
        return (operation, handler) -> {
            operation.setOperationId(operationId(handler));
            // Two handlers of one path (JSON and CSV, say) make one operation: one header.
            boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> CorrelationIds.HEADER.equals(parameter.getName()));
            if (!documented) {
                operation.addParametersItem(new HeaderParameter().name(CorrelationIds.HEADER).required(false)
                        .description("Your id for this request, up to 200 letters, digits or ._:/+=- characters; "
                                + "logged, echoed, and kept in the metadata of the events a command records.")
                        .schema(new StringSchema().pattern(CorrelationIds.VALID.pattern())));
            }
            ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
            operation.setResponses(responses);
            boolean reads = handler.hasMethodAnnotation(GetMapping.class);
            addProblems(operation, PROBLEMS);
            if (!reads) {
                addProblems(operation, WRITE_PROBLEMS);
            }
            return operation;
        };
    }

    /** Adds problem answers (status, title, example detail) to an operation. */
    public static void addProblems(Operation operation, Map<String, String[]> problems) {
        problems.forEach((status, text) -> operation.getResponses().addApiResponse(status, new ApiResponse()
                .description(text[0])
                .addHeaderObject(CorrelationIds.HEADER, new Header().$ref("#/components/headers/" + CORRELATION_HEADER))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                        .example(example(Integer.parseInt(status), text[0], text[1]))))));
    }

    /** Problems given as status, title, detail triples. */
    public static Map<String, String[]> problems(String... triples) {
        Map<String, String[]> problems = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            problems.put(triples[i], new String[]{triples[i + 1], triples[i + 2]});
        }
        return problems;
    }

    /** The correlation header on every answer, Location on every 201, and no {@code /error}. */
    @Bean
    OpenApiCustomizer trackerDocument() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().remove("/error");
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() != null) {
                    ApiResponse created = operation.getResponses().get("201");
                    if (created != null) {
                        created.addHeaderObject("Location", new Header().description("Where the created resource is read")
                                .required(true).schema(new StringSchema().format("uri-reference")));
                    }
                    operation.getResponses().values().forEach(response -> {
                        if (response.getHeaders() == null || !response.getHeaders().containsKey(CorrelationIds.HEADER)) {
                            response.addHeaderObject(CorrelationIds.HEADER,
                                    new Header().$ref("#/components/headers/" + CORRELATION_HEADER));
                        }
                    });
                }
            }));
        };
    }

    private static String operationId(HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String method = handler.getMethod().getName();
        return Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    private static Map<String, Object> example(int status, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problems.of(org.springframework.http.HttpStatusCode.valueOf(status), title, detail).getType()
                .toString());
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", "/api/commitments/us-mx-2021-hled");
        return example;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().description("the invalid fields of a 400")
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema())
                                .addProperty("message", new StringSchema())));
    }
}
