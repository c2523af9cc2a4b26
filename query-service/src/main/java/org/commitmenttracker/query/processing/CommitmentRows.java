package org.commitmenttracker.query.processing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * The one row per commitment that a projection folds each event onto, worked per batch rather
 * than per event: the rows of all the batch's commitments are read in one statement and kept in
 * the transaction's memory, and in a processor's first attempt at a batch
 * ({@link AppliedVersions#deferring()}) the changed rows are written in one batched statement
 * just before it commits. In a retry each row is written at once, inside its event's savepoint.
 * The rows committed are remembered beyond the transaction, each with the generation and version
 * it holds, and used again only while the applied version still says PostgreSQL holds that one.
 * What is remembered is bounded by memory, not by count: a commitment of a thousand events weighs
 * as much as a hundred of ten, and a replay touches every commitment in turn, so a count that
 * fits the usual row holds too few of them or too much heap ({@link Memory}).
 *
 * @param <T> the row's document; a fold never mutates one
 */
public final class CommitmentRows<T> {

    /** The table the rows live in. */
    public interface Table<T> {

        /** The rows of those of {@code ids} that have one in {@code generation}. */
        Map<String, T> find(Set<String> ids, long generation);

        /**
         * Writes one row of {@code generation}.
         *
         * @param stored the row as the table holds it, null for none: what it need not write again
         * @return whether the table now holds {@code row} (false when it held a later one)
         */
        boolean save(T row, T stored, long generation);

        /** Writes many rows, as {@link #save} would one by one. */
        void saveAll(Collection<Write<T>> rows);
    }

    /**
     * How much of the heap the rows remembered between transactions may take.
     *
     * @param bytes    the most their estimated sizes may add up to
     * @param estimate a row's size in bytes on the heap, as parsed from its table; a row heavier
     *                 than {@code bytes} is not remembered
     */
    public record Memory<T>(long bytes, ToIntFunction<T> estimate) {
    }

    /** A row to write in a generation, and the row as the table held it before the batch (null for none). */
    public record Write<T>(T row, T stored, long generation) {

        public boolean exists() {
            return stored != null;
        }
    }

    private final String readModel;
    private final Table<T> table;
    private final AppliedVersions versions;
    /** The rows as this transaction has read or written them, empty for no row. */
    private final TransactionCache<String, Optional<T>> rows = new TransactionCache<>();
    private final TransactionCache<String, Write<T>> unwritten;
    /** The rows as committed, read again only when their version is not the one applied. */
    private final Cache<String, Committed<T>> committed;
    private final TransactionCache<String, Committed<T>> committing;

    /**
     * @param remembered how much memory the rows remembered beyond their transaction may take:
     *                   enough for every commitment that changes often, so that its next event
     *                   need not read and parse its row again
     */
    public CommitmentRows(String readModel, Table<T> table, AppliedVersions versions, Memory<T> remembered) {
        this.readModel = readModel;
        this.table = table;
        this.versions = versions;
        this.unwritten = new TransactionCache<>(writes -> table.saveAll(writes.values()));
        this.committed = Caffeine.newBuilder()
                .maximumWeight(remembered.bytes())
                .<String, Committed<T>>weigher((id, kept) -> remembered.estimate().applyAsInt(kept.row()))
                // Evicts on the processor's own thread, which alone writes here: no pool's thread
                // holds rows past their bound, and what is remembered is known when a batch ends.
                .executor(Runnable::run)
                .build();
        this.committing = new TransactionCache<>(rows -> { }, rows -> rows.forEach((id, row) -> {
            if (row.row() == null) {
                committed.invalidate(id);
            } else {
                committed.put(id, row);
            }
        }));
    }

    /** A row as a transaction committed it: the commitment's {@code version} in {@code generation}; null for none. */
    private record Committed<T>(long generation, long version, T row) {
    }

    /**
     * Applies the event at {@code version} of a commitment (see {@link AppliedVersions#apply}):
     * {@code fold} turns the commitment's row, null for none, into its next row, null for none.
     */
    public void apply(String commitmentId, long version, UnaryOperator<T> fold) {
        List<Committed<T>> written = new ArrayList<>(1);
        boolean applied = versions.apply(readModel, commitmentId, version, (generation, reached) -> {
            if (reached == null) {
                unwritten.remove(commitmentId);
            }
            T current = reached == null ? null : current(commitmentId, generation, reached);
            T row = fold.apply(current);
            if (row != null && versions.deferring()) {
                Write<T> pending = unwritten.get(commitmentId);
                unwritten.put(commitmentId, new Write<>(row, pending != null ? pending.stored() : current, generation));
            } else if (row != null && !table.save(row, current, generation)) {
                row = null; // only what the table now holds may be remembered
            }
            written.add(new Committed<>(generation, version, row));
        });
        // Remembered only once applied: a change rolled back to its savepoint is not remembered.
        if (applied) {
            Committed<T> now = written.get(0);
            if (now.row() != null) {
                rows.put(commitmentId, Optional.of(now.row()));
            } else {
                rows.remove(commitmentId); // read again when next needed
            }
            committing.put(commitmentId, now);
        }
    }

    /** For a reset handler: what is remembered belongs to the old generation. */
    public void forget() {
        rows.clear();
        committed.invalidateAll();
    }

    private T current(String commitmentId, long generation, long reached) {
        Optional<T> known = rows.get(commitmentId);
        if (known != null) {
            return known.orElse(null);
        }
        Committed<T> kept = committed.getIfPresent(commitmentId);
        if (kept != null && kept.generation() == generation && kept.version() == reached) {
            rows.put(commitmentId, Optional.of(kept.row()));
            return kept.row();
        }
        // The batch's other commitments whose rows are remembered are most likely still current.
        Set<String> ids = BatchCommitments.ids();
        ids.removeIf(other -> rows.get(other) != null || committed.getIfPresent(other) != null);
        ids.add(commitmentId);
        Map<String, T> found = table.find(ids, generation);
        ids.forEach(other -> rows.put(other, Optional.ofNullable(found.get(other))));
        return found.get(commitmentId);
    }
}
