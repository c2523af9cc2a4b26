package org.commitmenttracker.query.audit;

import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.LogLeaf;
import org.commitmenttracker.events.log.MerkleTree;
import org.commitmenttracker.events.log.SignedNote;
import org.commitmenttracker.query.log.Checkpoints;
import org.commitmenttracker.query.log.LogSigningKey;
import org.commitmenttracker.query.log.LogSwitch;
import org.commitmenttracker.query.log.LogTree;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks the log against the event store in one pass in feed order, in O(log n) memory: each
 * event must make the leaf stored at its position, and the tree of the events must have the root
 * of every signed checkpoint, each signed by this service's key.
 */
@Component
class LogVerification {

    private final EventStoreReader store;
    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final LogSigningKey key;
    private final LogSwitch logSwitch;

    LogVerification(EventStoreReader store, LogTree tree, Checkpoints checkpoints, LogSigningKey key,
                    LogSwitch logSwitch) {
        this.store = store;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.key = key;
        this.logSwitch = logSwitch;
    }

    /** Empty on an instance with the log switched off ({@link LogSwitch}): there is no log to check. */
    Optional<LogIntegrity> verify() {
        if (!logSwitch.on()) {
            return Optional.empty();
        }
        long treeSize = tree.size();
        List<Checkpoints.Signed> signed = allCheckpoints();
        List<String> problems = new ArrayList<>();
        for (Checkpoints.Signed checkpoint : signed) {
            Optional<Checkpoint> opened = SignedNote.open(checkpoint.note(), key.verifierKey()).map(Checkpoint::parse);
            if (opened.isEmpty() || opened.get().size() != checkpoint.treeSize()
                    || !Arrays.equals(opened.get().rootHash(), checkpoint.rootHash())) {
                problems.add("the checkpoint of size " + checkpoint.treeSize() + " is not signed by this log's key");
            }
        }
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        long[] firstInvalid = {0};
        int[] next = {0};
        store.forEachInFeedOrder(treeSize, null, logged -> {
            StoredEvent event = logged.event();
            while (logged.position() > frontier.size() + 1) {
                // a position whose event the store no longer has
                noteFirst(firstInvalid, frontier.size() + 1);
                frontier.append(new byte[32]);
                next[0] = checkRoots(signed, next[0], frontier, problems);
            }
            byte[] leaf = new LogLeaf(event.eventId(), event.commitmentId(), event.version(), event.recordedAt(),
                    event.metaData("hash")).hash();
            if (logged.leafHash() == null || !Arrays.equals(leaf, logged.leafHash())) {
                noteFirst(firstInvalid, logged.position());
            }
            frontier.append(leaf);
            next[0] = checkRoots(signed, next[0], frontier, problems);
        });
        if (frontier.size() < treeSize) {
            noteFirst(firstInvalid, frontier.size() + 1);
            problems.add("the log holds " + treeSize + " events, the event store " + frontier.size()
                    + " of them: events were removed");
        }
        if (firstInvalid[0] > 0) {
            problems.add(0, "the event at position " + firstInvalid[0] + " no longer makes the log's leaf there");
        }
        long checkpointSize = signed.isEmpty() ? 0 : signed.get(signed.size() - 1).treeSize();
        return Optional.of(new LogIntegrity(frontier.size(), treeSize, checkpointSize, problems.isEmpty(),
                firstInvalid[0] == 0 ? null : firstInvalid[0], problems.isEmpty() ? null : String.join("; ", problems)));
    }

    /** Compares the tree's head with each checkpoint of the size just reached. */
    private static int checkRoots(List<Checkpoints.Signed> signed, int next, MerkleTree.Frontier frontier,
                                  List<String> problems) {
        while (next < signed.size() && signed.get(next).treeSize() == frontier.size()) {
            if (!Arrays.equals(frontier.root(), signed.get(next).rootHash())) {
                problems.add("the events of positions 1.." + frontier.size()
                        + " do not make the tree signed in the checkpoint of that size");
            }
            next++;
        }
        return next;
    }

    private static void noteFirst(long[] firstInvalid, long position) {
        if (firstInvalid[0] == 0) {
            firstInvalid[0] = position;
        }
    }

    private List<Checkpoints.Signed> allCheckpoints() {
        List<Checkpoints.Signed> all = new ArrayList<>();
        long from = 0;
        List<Checkpoints.Signed> page;
        do {
            page = checkpoints.from(from, 1000);
            all.addAll(page);
            from = page.isEmpty() ? from : page.get(page.size() - 1).treeSize() + 1;
        } while (page.size() == 1000);
        return all;
    }
}
