package org.commitmenttracker.service.transaction;

/**
 * The database went away while a transaction was being committed. PostgreSQL may have made the
 * commit durable before the connection broke, so whether the transaction's writes were made is not
 * known here: only a later read (or, for a command, the same Idempotency-Key again) can tell.
 */
public final class CommitOutcomeUnknown extends RuntimeException {

    CommitOutcomeUnknown(RuntimeException failure) {
        super("The commit's outcome is unknown: " + failure.getMessage(), failure);
    }

    /** The CommitOutcomeUnknown in a failure's chain of causes, or null. */
    public static CommitOutcomeUnknown in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommitOutcomeUnknown unknown) {
                return unknown;
            }
        }
        return null;
    }
}
