package org.commitmenttracker.query.processing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a projection has read or written in the current transaction, so that the next event of
 * the same commitment in a processor's batch need not read it back from PostgreSQL. Bound to the
 * transaction and dropped when it ends (committed or rolled back); outside a transaction it
 * remembers nothing.
 *
 * <p>Only what the transaction has made true may be put here: a caller puts a value after its
 * savepoint succeeded, never before, so a change rolled back to its savepoint is never remembered.
 */
public final class TransactionCache<K, V> {

    private final Consumer<Map<K, V>> beforeCommit;
    private final Consumer<Map<K, V>> afterCommit;

    /** A cache the transaction forgets when it ends. */
    public TransactionCache() {
        this(values -> { });
    }

    /** A cache whose values are handed to {@code beforeCommit} before the transaction commits. */
    public TransactionCache(Consumer<Map<K, V>> beforeCommit) {
        this(beforeCommit, values -> { });
    }

    /**
     * A cache whose values are handed to {@code beforeCommit} before the transaction commits, and
     * to {@code afterCommit} once it has (never after a rollback).
     */
    public TransactionCache(Consumer<Map<K, V>> beforeCommit, Consumer<Map<K, V>> afterCommit) {
        this.beforeCommit = beforeCommit;
        this.afterCommit = afterCommit;
    }

    /** Whether a transaction is there to remember anything (and to run {@code beforeCommit}). */
    public boolean active() {
        return TransactionSynchronizationManager.isSynchronizationActive();
    }

    /** The value put in the current transaction, or null. */
    public V get(K key) {
        Map<K, V> values = values(false);
        return values == null ? null : values.get(key);
    }

    public void put(K key, V value) {
        Map<K, V> values = values(true);
        if (values != null) {
            values.put(key, value);
        }
    }

    public void remove(K key) {
        Map<K, V> values = values(false);
        if (values != null) {
            values.remove(key);
        }
    }

    /** Forgets everything of the current transaction (e.g. when a reset raises a generation). */
    public void clear() {
        Map<K, V> values = values(false);
        if (values != null) {
            values.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> values(boolean create) {
        if (!active()) {
            return null;
        }
        // The cache itself is the key of its map among the transaction's resources.
        Map<K, V> values = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (values == null && create) {
            values = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, values);
            Map<K, V> bound = values;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!bound.isEmpty()) {
                        beforeCommit.accept(bound);
                    }
                }

                @Override
                public void afterCommit() {
                    if (!bound.isEmpty()) {
                        afterCommit.accept(bound);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionCache.this);
                }
            });
        }
        return values;
    }
}
