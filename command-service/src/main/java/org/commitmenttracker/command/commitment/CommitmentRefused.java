package org.commitmenttracker.command.commitment;

/** The aggregate's refusal of a command; its message is written for the officer who sent it. */
public class CommitmentRefused extends RuntimeException {

    public enum Reason {
        /** The command is malformed in a way only the aggregate can see (400). */
        INVALID,
        /** A commitment or child that does not exist (404). */
        UNKNOWN,
        /** A rule of domain.md would break (409). */
        CONFLICT,
        /** The caller's If-Match names another version (412). */
        VERSION_MISMATCH
    }

    private final Reason reason;

    public CommitmentRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static CommitmentRefused conflict(String message) {
        return new CommitmentRefused(Reason.CONFLICT, message);
    }

    public static CommitmentRefused unknown(String message) {
        return new CommitmentRefused(Reason.UNKNOWN, message);
    }

    public static CommitmentRefused invalid(String message) {
        return new CommitmentRefused(Reason.INVALID, message);
    }

    public Reason reason() {
        return reason;
    }
}
