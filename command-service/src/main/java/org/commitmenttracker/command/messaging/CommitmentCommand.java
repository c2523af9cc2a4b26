package org.commitmenttracker.command.messaging;

/** Every command addresses one commitment. */
public interface CommitmentCommand {
    String commitmentId();
}
