package org.commitmenttracker.command.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a created thing is read (api.md, {@code Location}): the query service's detail of its
 * commitment, a child at its anchor ({@code .../api/commitments/{id}#dialogue-{dialogueId}}),
 * under the query service's public base URL ({@code tracker.query-service.base-url}).
 */
@Component
public class ReadLocations {

    private static final Pattern CHILD = Pattern.compile("(/api/commitments/[^/]+)/([a-z]+?)s?/([^/]+)(/.*)?");

    private final String baseUrl;

    ReadLocations(@Value("${tracker.query-service.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The absolute URL where the thing the command side created at {@code path} is read. */
    public String of(String path) {
        Matcher child = CHILD.matcher(path);
        return baseUrl + (child.matches() ? child.group(1) + "#" + child.group(2) + "-" + child.group(3) : path);
    }
}
