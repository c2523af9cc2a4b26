package org.commitmenttracker.command.web;

import org.commitmenttracker.command.messaging.CommandAnswer;
import org.commitmenttracker.command.messaging.CommandResult;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers of api.md: the result as body, the version as ETag, 201 with Location for
 * creations. A {@code Location} is where the created thing is read: the query service's detail
 * of its commitment, with the child's anchor ({@code .../api/commitments/{id}#dialogue-{dialogueId}}),
 * under the query service's public base URL ({@code tracker.query-service.base-url}, set once
 * at startup by {@link QueryServiceBaseUrl}).
 */
public final class Answers {

    private static final Pattern CHILD = Pattern.compile("(/api/commitments/[^/]+)/([a-z]+?)s?/([^/]+)(/.*)?");

    private static volatile String queryServiceBaseUrl = "http://localhost:8082";

    private Answers() {
    }

    /** The answer as {@link org.commitmenttracker.command.messaging.CommandSender} gives it: a 201 with its Location, or a 200. */
    public static ResponseEntity<CommandResult> of(CommandAnswer answer) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status()).eTag(etag(answer.result()));
        if (answer.location() != null) {
            builder.location(whereRead(answer.location()));
        }
        return builder.body(answer.result());
    }

    /** Where the thing at {@code path} is read; a child (and anything under it) at its anchor in the detail. */
    static URI whereRead(String path) {
        Matcher child = CHILD.matcher(path);
        String read = child.matches() ? child.group(1) + "#" + child.group(2) + "-" + child.group(3) : path;
        return URI.create(queryServiceBaseUrl + read);
    }

    static void queryServiceBaseUrl(String baseUrl) {
        queryServiceBaseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static ResponseEntity<CommandResult> ok(CommandResult result) {
        return ResponseEntity.ok().eTag(etag(result)).body(result);
    }

    private static String etag(CommandResult result) {
        return "\"" + result.version() + "\"";
    }
}
