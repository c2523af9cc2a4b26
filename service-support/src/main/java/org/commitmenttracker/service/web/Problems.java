package org.commitmenttracker.service.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the problem documents (RFC 9457) of both services, so they all read alike. */
public final class Problems {

    private static final String TYPE_BASE = "https://commitmenttracker.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_BASE + slug(title)));
        return problem;
    }

    public static ProblemDetail invalid(List<Map<String, String>> errors) {
        errors = errors.stream().sorted(java.util.Comparator.comparing((Map<String, String> e) -> e.get("field"))).toList();
        ProblemDetail problem = of(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return problem;
    }

    public static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
