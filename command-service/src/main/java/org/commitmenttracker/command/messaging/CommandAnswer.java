package org.commitmenttracker.command.messaging;

/**
 * The whole answer to a command over HTTP (api.md): 201 with the {@code Location} of what it
 * created, or 200 without one; the {@link CommandResult} is the body and gives the ETag.
 * This is what an Idempotency-Key replays.
 */
public record CommandAnswer(int status, String location, CommandResult result) {

    /** 201 when the command creates something read at {@code location}, else 200. */
    static CommandAnswer of(String location, CommandResult result) {
        return new CommandAnswer(location == null ? 200 : 201, location, result);
    }
}
