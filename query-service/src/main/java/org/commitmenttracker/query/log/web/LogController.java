package org.commitmenttracker.query.log.web;

import org.commitmenttracker.query.log.Checkpoints;
import org.commitmenttracker.query.log.LogSigningKey;
import org.commitmenttracker.query.log.LogSwitch;
import org.commitmenttracker.query.log.LogTree;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.List;

/**
 * The log (api.md): checkpoints, the verifier key and proofs, for anyone, without a login; a 404
 * problem on an instance with the log switched off ({@link LogSwitch}).
 */
@RestController
class LogController {

    private static final int PAGE = 1000;

    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final LogSigningKey key;
    private final LogSwitch logSwitch;

    LogController(LogTree tree, Checkpoints checkpoints, LogSigningKey key, LogSwitch logSwitch) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.key = key;
        this.logSwitch = logSwitch;
    }

    /** The newest signed checkpoint, a C2SP signed note. */
    @GetMapping(path = "/api/log/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint() {
        logSwitch.requireOn();
        return checkpoints.newest()
                .orElseThrow(() -> ApiException.notFound("The log has no checkpoint yet."))
                .note();
    }

    /** Every checkpoint of tree size {@code from} or more, oldest first, at most 1000. */
    @GetMapping(path = "/api/log/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CheckpointEntry> checkpoints(@RequestParam(defaultValue = "0") long from) {
        logSwitch.requireOn();
        if (from < 0) {
            throw ApiException.badRequest("from must not be negative.");
        }
        return checkpoints.from(from, PAGE).stream()
                .map(c -> new CheckpointEntry(c.treeSize(), Base64.getEncoder().encodeToString(c.rootHash()),
                        c.signedAt().toString(), c.note()))
                .toList();
    }

    /** The verifier key, in the signed-note verifier key format. */
    @GetMapping(path = "/api/log/key", produces = MediaType.TEXT_PLAIN_VALUE)
    String key() {
        logSwitch.requireOn();
        return key.verifierKey() + "\n";
    }

    /** RFC 9162 PATH of the event at feed position {@code position} in the tree of {@code treeSize} leaves. */
    @GetMapping(path = "/api/log/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    InclusionProof inclusion(@RequestParam long position, @RequestParam long treeSize) {
        logSwitch.requireOn();
        long size = tree.size();
        if (treeSize < 1 || treeSize > size) {
            throw ApiException.badRequest("treeSize must be between 1 and the log's size, " + size + ".");
        }
        if (position < 1 || position > treeSize) {
            throw ApiException.badRequest("position must be between 1 and treeSize, " + treeSize + ".");
        }
        return new InclusionProof(position - 1, treeSize, base64(tree.inclusionProof(position - 1, treeSize)));
    }

    /** RFC 9162 PROOF that the tree of {@code to} leaves extends the tree of {@code from} leaves. */
    @GetMapping(path = "/api/log/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        logSwitch.requireOn();
        long size = tree.size();
        if (to < 1 || to > size) {
            throw ApiException.badRequest("to must be between 1 and the log's size, " + size + ".");
        }
        if (from < 1 || from > to) {
            throw ApiException.badRequest("from must be between 1 and to, " + to + ".");
        }
        return new ConsistencyProof(from, to, base64(tree.consistencyProof(from, to)));
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    record CheckpointEntry(long treeSize, String rootHash, String signedAt, String note) {
    }

    record InclusionProof(long leafIndex, long treeSize, List<String> hashes) {
    }

    record ConsistencyProof(long from, long to, List<String> hashes) {
    }
}
