package org.commitmenttracker.command.commitment;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.integrity.IntegrityChain;

/**
 * An event record's canonical JSON (IntegrityChain) and its SHA-256, the fingerprint its
 * {@link Recorded} keeps. A command checks the event on a copy of the state, hashes it into the
 * chain and applies it, all with the same instance on the same thread: the last one worked out
 * on each thread is kept, so each new event is made canonical once instead of three times.
 * Event records are immutable, so the same instance always has the same canonical form.
 */
record CanonicalEvent(CommitmentEvent event, String json, String fingerprint) {

    private static final ThreadLocal<CanonicalEvent> LAST = new ThreadLocal<>();

    static CanonicalEvent of(CommitmentEvent event) {
        CanonicalEvent last = LAST.get();
        if (last != null && last.event == event) {
            return last;
        }
        String json = IntegrityChain.canonicalPayload(event);
        CanonicalEvent canonical = new CanonicalEvent(event, json, IntegrityChain.sha256(json));
        LAST.set(canonical);
        return canonical;
    }
}
