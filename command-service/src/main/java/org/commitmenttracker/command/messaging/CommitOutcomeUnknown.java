package org.commitmenttracker.command.messaging;

/**
 * The database went away while a transaction was being committed. PostgreSQL may have made the
 * commit durable before the connection broke, so whether the command was recorded is not known
 * here: only a later read (or the same Idempotency-Key again) can tell.
 */
public final class CommitOutcomeUnknown extends RuntimeException {

    CommitOutcomeUnknown(RuntimeException failure) {
        super("The commit's outcome is unknown: " + failure.getMessage(), failure);
    }
}
