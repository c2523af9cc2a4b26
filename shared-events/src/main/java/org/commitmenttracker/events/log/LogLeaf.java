package org.commitmenttracker.events.log;

import org.commitmenttracker.events.integrity.IntegrityChain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One event as a leaf of the log's Merkle tree (docs/integrity.md): its id, commitment, version,
 * recording instant and integrity-chain hash, one per line. The chain hash covers the payload, so
 * the leaf does too; the identity lines protect events of chain version 1 as well, whose hash
 * leaves them out.
 */
public record LogLeaf(String eventId, String commitmentId, long version, Instant recordedAt, String chainHash) {

    /** The leaf's bytes: the UTF-8 of the five lines, each ended by a line feed. */
    public byte[] bytes() {
        return (eventId + "\n" + commitmentId + "\n" + version + "\n" + IntegrityChain.instant(recordedAt) + "\n"
                + (chainHash == null ? "" : chainHash) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code SHA-256(0x00 || bytes)}. */
    public byte[] hash() {
        return MerkleTree.leafHash(bytes());
    }
}
