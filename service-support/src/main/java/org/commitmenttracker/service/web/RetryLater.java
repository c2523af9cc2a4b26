package org.commitmenttracker.service.web;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/** A refusal for now (429 or 503): {@link ApiProblems} answers it with {@code Retry-After}. */
public class RetryLater extends ApiException {

    private final Duration retryAfter;

    public RetryLater(HttpStatus status, String title, String detail, Duration retryAfter) {
        super(status, title, detail);
        this.retryAfter = retryAfter;
    }

    public static RetryLater tooManyRequests(String detail, Duration retryAfter) {
        return new RetryLater(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, retryAfter);
    }

    public static RetryLater busy(String detail, Duration retryAfter) {
        return new RetryLater(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, retryAfter);
    }

    /** A write whose commit the database broke off: it may have been made ({@code .../problems/outcome-unknown}). */
    public static RetryLater outcomeUnknown(String detail, Duration retryAfter) {
        return new RetryLater(HttpStatus.SERVICE_UNAVAILABLE, "Outcome unknown", detail, retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
