package org.commitmenttracker.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.net.URI;

/** Writes a problem document where no controller is involved (filters, security, the error page). */
public final class ProblemResponses {

    /** Spring's builder adds the mix-in that writes a problem's extra properties at the top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, String path, int status, String title, String detail)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"commitment-tracker\"");
        }
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), title, detail);
        problem.setInstance(safeUri(path));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /** A problem document as JSON text, for the container's own error report (ProblemReportValve). */
    static String json(int status, String title, String detail) throws IOException {
        return JSON.writeValueAsString(Problems.of(HttpStatusCode.valueOf(status), title, detail));
    }

    private static URI safeUri(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
