package org.commitmenttracker.command.messaging;

/**
 * The whole answer to a command over HTTP (api.md): 201 with the {@code Location} of what it
 * created, or 200 without one; the {@link CommandResult} is the body and gives the ETag.
 * This is what an Idempotency-Key replays.
 */
public record CommandAnswer(int status, String location, CommandResult result) {

    /** Stands for the commitment's version after the command in a location, for things named by it. */
    public static final String VERSION = "{version}";

    /** 201 when the command creates something at {@code location} (which may hold {@link #VERSION}), else 200. */
    static CommandAnswer of(String location, CommandResult result) {
        return location == null ? new CommandAnswer(200, null, result)
                : new CommandAnswer(201, location.replace(VERSION, Long.toString(result.version())), result);
    }
}
