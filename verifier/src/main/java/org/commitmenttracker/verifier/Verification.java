package org.commitmenttracker.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.ExportFormat;
import org.commitmenttracker.events.log.LogLeaf;
import org.commitmenttracker.events.log.MerkleTree;
import org.commitmenttracker.events.log.SignedNote;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies an export (docs/integrity.md): every commitment's chain, every leaf, the tree at every
 * checkpoint, every checkpoint's signature, and a checkpoint the auditor kept. Each failed check
 * is a {@link Finding}; the report names the first event found bad.
 */
public final class Verification {

    /** Which check failed, and for which event when it is one event's. */
    public record Finding(Check check, String detail, ExportFormat.Event event) {
    }

    public enum Check {
        /** An event's stored hash is not the one recomputed, or its previousHash does not link. */
        CHAIN,
        /** An event's leaf is not the leaf the log holds at its position, or positions leave a gap. */
        LEAF,
        /** A checkpoint's signature does not verify with the key. */
        SIGNATURE,
        /** The tree recomputed from the events does not have a signed checkpoint's root. */
        TREE,
        /** The log is not consistent with the checkpoint the auditor kept. */
        TRUSTED_CHECKPOINT,
        /** An event's inclusion proof (export of one commitment) does not lead to the checkpoint's root. */
        INCLUSION,
        /** The key given does not match, or the export is malformed. */
        KEY
    }

    /** The outcome: valid only when no check failed. */
    public record Report(long events, long treeSize, int checkpoints, List<Finding> findings, List<String> notes) {

        public boolean valid() {
            return findings.isEmpty();
        }

        public Optional<Finding> first(Check check) {
            return findings.stream().filter(f -> f.check() == check).findFirst();
        }

        /** The first bad event in feed order, of any check. */
        public Optional<ExportFormat.Event> firstBadEvent() {
            return findings.stream().map(Finding::event).filter(e -> e != null)
                    .min((a, b) -> Long.compare(a.position(), b.position()));
        }

        public String text() {
            StringBuilder out = new StringBuilder();
            out.append("Events: ").append(events).append(", log size verified: ").append(treeSize)
                    .append(", checkpoints: ").append(checkpoints).append('\n');
            notes.forEach(note -> out.append("note: ").append(note).append('\n'));
            firstBadEvent().ifPresent(e -> out.append("FIRST BAD EVENT: position ").append(e.position())
                    .append(", event ").append(e.eventId()).append(", commitment ").append(e.commitmentId())
                    .append(" version ").append(e.version()).append(" (").append(e.type()).append(")\n"));
            findings.forEach(f -> out.append("FAIL [").append(f.check()).append("] ").append(f.detail()).append('\n'));
            out.append(valid() ? "OK: every check holds\n" : "NOT VALID: " + findings.size() + " check(s) failed\n");
            return out.toString();
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private Verification() {
    }

    /**
     * @param trustedKey      the verifier key the auditor holds; null to take the export's own (noted)
     * @param trustedCheckpoint a signed checkpoint the auditor saved earlier; null for none
     */
    public static Report verify(Export export, String trustedKey, String trustedCheckpoint) {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        SignedNote.VerifierKey key = key(export, trustedKey, findings, notes);
        boolean whole = export.manifest().commitmentId() == null;

        chains(export.events(), whole, findings);
        List<byte[]> leaves = leaves(export.events(), whole, findings);

        // the checkpoints: signatures, then the tree at each size
        Map<Long, Checkpoint> signed = new HashMap<>();
        export.checkpoints().forEach((size, note) -> {
            Optional<Checkpoint> checkpoint = open(note, key);
            if (checkpoint.isEmpty() || checkpoint.get().size() != size) {
                findings.add(new Finding(Check.SIGNATURE, "checkpoint of size " + size
                        + " has no valid signature by " + (key == null ? "any key" : key.name() + "+" + key.keyIdHex()),
                        null));
            } else {
                signed.put(size, checkpoint.get());
            }
        });
        MerkleTree.InMemory tree = new MerkleTree.InMemory();
        leaves.forEach(tree::append);
        long verifiedSize = 0;
        if (whole) {
            for (Checkpoint checkpoint : signed.values().stream().sorted((a, b) -> Long.compare(a.size(), b.size())).toList()) {
                if (checkpoint.size() > tree.size()) {
                    findings.add(new Finding(Check.TREE, "checkpoint of size " + checkpoint.size() + " commits to "
                            + checkpoint.size() + " events; the export holds " + tree.size()
                            + ": events were removed", null));
                } else if (!Arrays.equals(tree.root(checkpoint.size()), checkpoint.rootHash())) {
                    findings.add(new Finding(Check.TREE, "the tree of the first " + checkpoint.size()
                            + " events does not have the root signed in the checkpoint of that size", null));
                } else {
                    verifiedSize = Math.max(verifiedSize, checkpoint.size());
                }
            }
            if (tree.size() > export.manifest().treeSize()) {
                notes.add("the export holds more events than its newest checkpoint covers");
            }
        } else {
            verifiedSize = inclusions(export, leaves, signed, findings);
        }
        if (trustedCheckpoint != null) {
            trusted(trustedCheckpoint, key, whole ? tree : null, signed, findings, notes);
        }
        return new Report(export.events().size(), verifiedSize, export.checkpoints().size(), findings, notes);
    }

    private static SignedNote.VerifierKey key(Export export, String trustedKey, List<Finding> findings,
                                              List<String> notes) {
        try {
            if (trustedKey != null) {
                SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(trustedKey);
                if (export.key() != null && !export.key().trim().equals(key.toString())) {
                    findings.add(new Finding(Check.KEY, "the export's key " + export.key().trim()
                            + " is not the trusted key " + key, null));
                }
                return key;
            }
            notes.add("no --key given: the export's own key was used; compare it with a copy you trust: "
                    + export.key());
            return export.key() == null ? null : SignedNote.VerifierKey.parse(export.key());
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(Check.KEY, "unreadable verifier key: " + e.getMessage(), null));
            return null;
        }
    }

    /** Each commitment's events in version order, each linked to the one before and hashing as stored. */
    private static void chains(List<ExportFormat.Event> events, boolean whole, List<Finding> findings) {
        Map<String, ExportFormat.Event> last = new HashMap<>();
        Map<String, String> lastHash = new HashMap<>();
        for (ExportFormat.Event event : events) {
            ExportFormat.Event previous = last.get(event.commitmentId());
            long expectedVersion = previous == null ? 1 : previous.version() + 1;
            String expectedPrevious = previous == null ? IntegrityChain.GENESIS : lastHash.get(event.commitmentId());
            JsonNode metaData = json(event.metadata());
            String hash = text(metaData, "hash");
            String problem = null;
            if (event.version() != expectedVersion) {
                problem = "version " + event.version() + " follows version " + (expectedVersion - 1);
            } else if (!expectedPrevious.equals(text(metaData, "previousHash"))) {
                problem = "its previousHash is not the hash of the version before";
            } else if (hash == null || !hash.equals(recompute(event, metaData))) {
                problem = "its stored hash is not the hash of what is stored";
            }
            if (problem != null) {
                findings.add(new Finding(Check.CHAIN, "commitment " + event.commitmentId() + " version "
                        + event.version() + " (position " + event.position() + "): " + problem, event));
            }
            last.put(event.commitmentId(), event);
            lastHash.put(event.commitmentId(), hash);
        }
    }

    private static String recompute(ExportFormat.Event event, JsonNode metaData) {
        JsonNode payload = json(event.payload());
        String previousHash = text(metaData, "previousHash");
        if (payload == null || previousHash == null || event.occurredOn() == null) {
            return null;
        }
        int version = IntegrityChain.version(metaData);
        if (version < 1 || version > IntegrityChain.CURRENT_VERSION) {
            return null;
        }
        return IntegrityChain.hash(version, previousHash,
                new IntegrityChain.Identity(event.eventId(), event.commitmentId(), event.version(),
                        Instant.parse(event.recordedAt())),
                new IntegrityChain.Link(event.type(), event.revision(), LocalDate.parse(event.occurredOn()),
                        text(metaData, "actor"), payload));
    }

    /** Every event's leaf, recomputed; compared with the leaf the log holds at its position. */
    private static List<byte[]> leaves(List<ExportFormat.Event> events, boolean whole, List<Finding> findings) {
        List<byte[]> leaves = new ArrayList<>();
        long expectedPosition = 1;
        for (ExportFormat.Event event : events) {
            if (whole && event.position() != expectedPosition) {
                findings.add(new Finding(Check.LEAF, "position " + expectedPosition + " is missing: the event at "
                        + "position " + event.position() + " follows position " + (expectedPosition - 1), event));
                expectedPosition = event.position();
            }
            expectedPosition++;
            byte[] leaf = new LogLeaf(event.eventId(), event.commitmentId(), event.version(),
                    Instant.parse(event.recordedAt()), text(json(event.metadata()), "hash")).hash();
            if (event.leafHash() != null && !HEX.formatHex(leaf).equals(event.leafHash())) {
                findings.add(new Finding(Check.LEAF, "the event at position " + event.position()
                        + " is not the leaf the log holds there", event));
            }
            leaves.add(leaf);
        }
        return leaves;
    }

    /** One commitment's export: each event's inclusion in the newest signed checkpoint. */
    private static long inclusions(Export export, List<byte[]> leaves, Map<Long, Checkpoint> signed,
                                   List<Finding> findings) {
        Checkpoint checkpoint = signed.get(export.manifest().treeSize());
        if (checkpoint == null) {
            findings.add(new Finding(Check.INCLUSION, "the export has no signed checkpoint of size "
                    + export.manifest().treeSize(), null));
            return 0;
        }
        Map<Long, ExportFormat.Inclusion> proofs = new HashMap<>();
        export.proofs().forEach(p -> proofs.put(p.position(), p));
        for (int i = 0; i < leaves.size(); i++) {
            ExportFormat.Event event = export.events().get(i);
            ExportFormat.Inclusion proof = proofs.get(event.position());
            boolean included = proof != null && proof.treeSize() == checkpoint.size()
                    && MerkleTree.verifyInclusion(event.position() - 1, checkpoint.size(), leaves.get(i),
                    proof.hashes().stream().map(Base64.getDecoder()::decode).toList(), checkpoint.rootHash());
            if (!included) {
                findings.add(new Finding(Check.INCLUSION, "the event at position " + event.position()
                        + " is not proven included in the checkpoint of size " + checkpoint.size(), event));
            }
        }
        return checkpoint.size();
    }

    /** The log must extend the checkpoint the auditor kept, unchanged. */
    private static void trusted(String note, SignedNote.VerifierKey key, MerkleTree.InMemory tree,
                                Map<Long, Checkpoint> signed, List<Finding> findings, List<String> notes) {
        Optional<Checkpoint> opened = open(note, key);
        if (opened.isEmpty()) {
            findings.add(new Finding(Check.TRUSTED_CHECKPOINT, "the trusted checkpoint has no valid signature by "
                    + (key == null ? "any key" : key.name() + "+" + key.keyIdHex()), null));
            return;
        }
        Checkpoint trusted = opened.get();
        if (tree == null) {
            Checkpoint same = signed.get(trusted.size());
            if (same == null) {
                notes.add("an export of one commitment cannot prove consistency with the trusted checkpoint of size "
                        + trusted.size() + "; ask /api/log/proofs/consistency?from=" + trusted.size());
            } else if (!Arrays.equals(same.rootHash(), trusted.rootHash())) {
                findings.add(new Finding(Check.TRUSTED_CHECKPOINT, "the log's checkpoint of size " + trusted.size()
                        + " has another root than the trusted one: the log was rewritten", null));
            }
            return;
        }
        if (trusted.size() > tree.size()) {
            findings.add(new Finding(Check.TRUSTED_CHECKPOINT, "the trusted checkpoint commits to " + trusted.size()
                    + " events; the export holds " + tree.size() + ": events were removed", null));
            return;
        }
        long newest = tree.size();
        byte[] newestRoot = tree.root(newest);
        // the RFC 9162 proof an online auditor would ask for, checked against the trusted root
        List<byte[]> proof = MerkleTree.consistencyProof(tree, trusted.size(), newest);
        if (!MerkleTree.verifyConsistency(trusted.size(), newest, trusted.rootHash(), newestRoot, proof)) {
            findings.add(new Finding(Check.TRUSTED_CHECKPOINT, "the log of " + newest + " events is not consistent "
                    + "with the trusted checkpoint of size " + trusted.size()
                    + ": an event it covers was changed, reordered or removed", null));
        }
    }

    private static Optional<Checkpoint> open(String note, SignedNote.VerifierKey key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return SignedNote.open(note, key).map(Checkpoint::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return IntegrityChain.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
