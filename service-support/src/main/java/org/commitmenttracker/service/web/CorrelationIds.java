package org.commitmenttracker.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the caller's {@code X-Correlation-Id}, else a new one. It is
 * in every log line written while the request is handled (MDC key {@code correlationId}), it is
 * echoed in the response, and a command keeps it in its events' metadata.
 */
public final class CorrelationIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** What a correlation id may look like: a caller's own id is logged, so no spaces or control characters. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:/+=-]{1,200}");
    private static final String ATTRIBUTE = CorrelationIds.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        // An id we may not log is replaced (commands refuse it with 400 all the same); an async
        // dispatch of the same request keeps the id chosen first.
        String id = request.getAttribute(ATTRIBUTE) instanceof String chosen ? chosen
                : given != null && VALID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Also on the async dispatch: a body is read without a thread first ({@link BodyFirst}) and
     * the request then handled in an async dispatch, whose log lines need the id too.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** The correlation id this filter gave the request; a new one for a request it did not see. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String value ? value : UUID.randomUUID().toString();
    }
}
