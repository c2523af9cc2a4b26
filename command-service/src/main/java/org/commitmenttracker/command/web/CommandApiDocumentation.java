package org.commitmenttracker.command.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.service.web.ApiDocumentation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;

import java.util.Arrays;

/**
 * What a command's OpenAPI operation says besides its body: the headers of api.md instead of a
 * {@link CommandContext} parameter (which comes from authentication and headers, not the query),
 * 412 for a stale If-Match, and the ETag of the answer.
 */
@Configuration(proxyBeanMethods = false)
class CommandApiDocumentation {

    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> {
            MethodParameter context = Arrays.stream(handler.getMethodParameters())
                    .filter(parameter -> parameter.getParameterType() == CommandContext.class)
                    .findFirst().orElse(null);
            if (context == null) {
                return operation;
            }
            if (operation.getParameters() != null) {
                operation.getParameters().removeIf(parameter -> "query".equals(parameter.getIn())
                        && (parameter.getName().equals(context.getParameterName()) || "context".equals(parameter.getName())));
            }
            operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                    .description("The version you expect the commitment at, as an entity tag (\"3\"); else 412.")
                    .schema(new StringSchema().example("\"3\"")));
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                    .description("Same key and body: the first answer again, no new event; same key, other body: 422.")
                    .schema(new StringSchema().pattern("[A-Za-z0-9._:/+=-]{1,200}")));
            ApiDocumentation.addProblems(operation, ApiDocumentation.problems(
                    "412", "Precondition failed", "The commitment is at version 4, not 3."));
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject("ETag", new Header().description("The commitment's version after the command")
                            .schema(new StringSchema().example("\"4\"")));
                }
            });
            return operation;
        };
    }
}
