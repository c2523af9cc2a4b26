package org.commitmenttracker.query.publication.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.commitmenttracker.service.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * Everything under {@code /public/}: the rate limit per client address (429 with
 * {@code Retry-After}), and the caching and page headers. It runs before Spring Security, so
 * that a refused client costs nothing more, and so that the public {@code Cache-Control} is in
 * place before the security headers' {@code no-store} would be written; an error turns it back
 * to {@code no-store}.
 */
final class PublicHttpFilter extends OncePerRequestFilter {

    static final String CACHE = "public, max-age=60";
    static final String NO_STORE = "no-store";
    /** Pages load only this service's own styles and images: no CDN, no inline script. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ClientRateLimit rateLimit;

    PublicHttpFilter(ClientRateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong retryAfter = rateLimit.take(request.getRemoteAddr());
        if (retryAfter.isPresent()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
            ProblemResponses.write(response, request.getRequestURI(), 429, "Too Many Requests",
                    "This address has sent too many requests; try again in " + retryAfter.getAsLong() + " s.");
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
        response.setHeader("Content-Security-Policy", PAGE_POLICY);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                uncacheable(status);
                super.setStatus(status);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                uncacheable(status);
                super.sendError(status, message);
            }

            @Override
            public void sendError(int status) throws IOException {
                uncacheable(status);
                super.sendError(status);
            }

            private void uncacheable(int status) {
                if (status >= 400) {
                    setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
                }
            }
        });
    }
}
