package org.commitmenttracker.events.log;

import java.util.List;

/**
 * The zip of {@code GET /api/export} that the offline verifier reads (README, "Auditing
 * offline"): {@value #MANIFEST}, {@value #KEY}, one {@code checkpoints/<tree size>.txt} per
 * signed checkpoint, {@value #EVENTS} (one {@link Event} per line, in feed order) and, for the
 * export of one commitment, {@value #PROOFS} (one {@link Inclusion} per event).
 */
public final class ExportFormat {

    public static final String FORMAT = "commitment-tracker-export/1";
    public static final String MANIFEST = "manifest.json";
    public static final String KEY = "key.pub";
    public static final String CHECKPOINTS = "checkpoints/";
    public static final String EVENTS = "events.jsonl";
    public static final String PROOFS = "proofs.jsonl";

    private ExportFormat() {
    }

    /**
     * What the export covers: the log up to {@code treeSize} (the newest checkpoint's), all of it
     * or one commitment's events.
     */
    public record Manifest(String format, String origin, long treeSize, String commitmentId, String exportedAt) {
    }

    /**
     * One event as stored: {@code payload} and {@code metadata} are the stored JSON texts, byte for
     * byte; {@code recordedAt} as stored; {@code leafHash} (hex) the leaf the log holds for its
     * position, which the verifier recomputes rather than trusts.
     */
    public record Event(long position, String eventId, String commitmentId, long version, String type,
                        String revision, String recordedAt, String occurredOn, String payload, String metadata,
                        String leafHash) {
    }

    /** The inclusion proof (base64 hashes) of the event at {@code position} in the tree of {@code treeSize}. */
    public record Inclusion(long position, long treeSize, List<String> hashes) {
    }
}
