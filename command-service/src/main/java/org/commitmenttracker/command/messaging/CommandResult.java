package org.commitmenttracker.command.messaging;

import java.util.List;

/** The answer to every command (api.md): the commitment's version after it, and the events it recorded. */
public record CommandResult(String commitmentId, long version, List<String> eventIds) {
}
