package org.commitmenttracker.command.web;

import org.commitmenttracker.command.messaging.CommandAnswer;
import org.commitmenttracker.command.messaging.CommandResult;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * The answers of api.md: the result as body, the version as ETag, 201 with the Location where
 * the created thing is read ({@link org.commitmenttracker.command.messaging.ReadLocations}).
 */
public final class Answers {

    private Answers() {
    }

    /** The answer as {@link org.commitmenttracker.command.messaging.CommandSender} gives it: a 201 with its Location, or a 200. */
    public static ResponseEntity<CommandResult> of(CommandAnswer answer) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status()).eTag(etag(answer.result()));
        if (answer.location() != null) {
            builder.location(URI.create(answer.location()));
        }
        return builder.body(answer.result());
    }

    public static ResponseEntity<CommandResult> ok(CommandResult result) {
        return ResponseEntity.ok().eTag(etag(result)).body(result);
    }

    private static String etag(CommandResult result) {
        return "\"" + result.version() + "\"";
    }
}
