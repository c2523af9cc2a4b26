package org.commitmenttracker.command.messaging;

/**
 * A handler's answer to a harmless repeat of a child (domain.md): nothing new is recorded, and
 * the answer is that of the first request, the version it produced and the id of its event.
 */
public record Repeat(long version, String eventId) {
}
