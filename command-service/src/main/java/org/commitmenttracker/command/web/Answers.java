package org.commitmenttracker.command.web;

import org.commitmenttracker.command.messaging.CommandResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** The answers of api.md: the result as body, the version as ETag, 201 with Location for creations. */
public final class Answers {

    private Answers() {
    }

    public static ResponseEntity<CommandResult> created(String location, CommandResult result) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location)).eTag(etag(result)).body(result);
    }

    public static ResponseEntity<CommandResult> ok(CommandResult result) {
        return ResponseEntity.ok().eTag(etag(result)).body(result);
    }

    private static String etag(CommandResult result) {
        return "\"" + result.version() + "\"";
    }
}
