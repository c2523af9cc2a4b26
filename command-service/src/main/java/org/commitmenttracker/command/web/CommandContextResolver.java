package org.commitmenttracker.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.service.security.Actor;
import org.commitmenttracker.service.web.ApiException;
import org.commitmenttracker.service.web.CorrelationIds;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.regex.Pattern;

/** Reads a command's {@link CommandContext} from the authenticated principal and the request headers. */
final class CommandContextResolver implements HandlerMethodArgumentResolver {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:/+=-]{1,200}");
    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"?(\\d{1,18})\"?");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        String correlationId = token(request.getHeader("X-Correlation-Id"), "X-Correlation-Id");
        String idempotencyKey = token(request.getHeader("Idempotency-Key"), "Idempotency-Key");
        return new CommandContext(Actor.current(),
                // Without a header: the id the request was logged and answered with.
                correlationId != null ? correlationId : CorrelationIds.of(servlet),
                idempotencyKey,
                expectedVersion(request.getHeader("If-Match")),
                servlet.getMethod() + " " + servlet.getRequestURI());
    }

    private static String token(String value, String header) {
        if (value == null) {
            return null;
        }
        if (!TOKEN.matcher(value).matches()) {
            throw ApiException.badRequest(header + " must be 1 to 200 letters, digits or ._:/+=- characters.");
        }
        return value;
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        var matcher = ENTITY_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw ApiException.badRequest("If-Match must be an entity tag of a version, such as \"3\".");
        }
        return Long.parseLong(matcher.group(2));
    }
}
