package org.commitmenttracker.query.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commitmenttracker.query.audit.AuditLog;
import org.commitmenttracker.service.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every read of a history, a state or an integrity check to the audit log, before the
 * answer leaves: a read whose entry cannot be written is refused (503) rather than answered
 * untraced. Answers of every status are logged, errors included, and so are the reads refused
 * to a signed-in user (403). Anonymous attempts (401) name nobody and are not logged.
 */
@ControllerAdvice
class AuditedReads implements ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(AuditedReads.class);
    private static final int MAX_PARAMETERS = 20;
    private static final int MAX_VALUE_LENGTH = 200;
    private static final List<PathPattern> ENDPOINTS = List.of("/api/commitments/{id}/history",
                    "/api/commitments/{id}/state", "/api/commitments/{id}/integrity", "/api/integrity").stream()
            .map(PathPatternParser.defaultInstance::parse).toList();

    private final AuditLog auditLog;

    AuditedReads(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true; // decided by the path in beforeBodyWrite, so that error answers are logged too
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse) {
            HttpServletRequest http = servletRequest.getServletRequest();
            Principal principal = http.getUserPrincipal();
            int status = servletResponse.getServletResponse().getStatus();
            if (principal != null && !record(principal.getName(), http, status, contentType) && status < 400) {
                throw ApiException.unavailable("This read could not be written to the audit log, so it is not "
                        + "answered. Try again shortly.");
            }
        }
        return body;
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (event.getObject() instanceof HttpServletRequest request && who != null && who.isAuthenticated()
                && !(who instanceof AnonymousAuthenticationToken)) {
            record(who.getName(), request, HttpServletResponse.SC_FORBIDDEN, null);
        }
    }

    /** False when the read is audited but its entry could not be written. */
    private boolean record(String actor, HttpServletRequest request, int status, MediaType contentType) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        Optional<PathPattern> endpoint = ENDPOINTS.stream().filter(pattern -> pattern.matches(path)).findFirst();
        if (endpoint.isEmpty()) {
            return true;
        }
        String commitmentId = endpoint.get().matchAndExtract(path).getUriVariables().get("id");
        try {
            auditLog.record(actor, endpoint.get().getPatternString(), commitmentId, parameters(request), status,
                    contentType == null ? null : contentType.toString());
            return true;
        } catch (RuntimeException e) {
            log.error("Audit log entry not written: {} read {} ({}): {}", actor, endpoint.get().getPatternString(),
                    status, e.toString());
            return false;
        }
    }

    /** The query parameters as asked, bounded so that a caller cannot flood the log. */
    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().entrySet().stream().limit(MAX_PARAMETERS).forEach(parameter -> {
            String value = parameter.getValue().length == 0 ? "" : parameter.getValue()[0];
            parameters.put(truncate(parameter.getKey()), truncate(value));
        });
        return parameters;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH);
    }
}
