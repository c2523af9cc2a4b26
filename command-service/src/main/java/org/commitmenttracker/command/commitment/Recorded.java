package org.commitmenttracker.command.commitment;

import org.commitmenttracker.command.messaging.Repeat;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;

/**
 * What decisions need to know of one recorded fact, instead of the whole event: fingerprints of
 * its content as first recorded (to spot a harmless repeat) and as now known (to spot a
 * correction that changes nothing), the day it was first said to happen, the version its event
 * produced and that event's id (the answer to a repeat), and whether it was retracted.
 */
public record Recorded(String firstFingerprint, String fingerprint, LocalDate firstDay, long version, String eventId,
                       boolean retracted) {

    public static Recorded first(CommitmentEvent event, long version, String eventId) {
        String fingerprint = fingerprint(event);
        return new Recorded(fingerprint, fingerprint, event.occurredOn(), version, eventId, false);
    }

    public Recorded corrected(CommitmentEvent content) {
        return new Recorded(firstFingerprint, fingerprint(content), firstDay, version, eventId, false);
    }

    public Recorded retract() {
        return new Recorded(firstFingerprint, fingerprint, firstDay, version, eventId, true);
    }

    public boolean live() {
        return !retracted;
    }

    public boolean hasContent(CommitmentEvent content) {
        return fingerprint.equals(fingerprint(content));
    }

    public Repeat repeat() {
        return new Repeat(version, eventId);
    }

    /**
     * A child id used again (domain.md): the first answer if the content is that of the first
     * request, a conflict for other content or for an id whose fact was retracted; null for a
     * new id.
     */
    public static Repeat repeatOf(String kind, String childId, Recorded earlier, CommitmentEvent event) {
        if (earlier == null) {
            return null;
        }
        if (earlier.retracted) {
            throw CommitmentRefused.conflict(kind + " '" + childId + "' was retracted; a new fact needs a new id "
                    + "(a correction of that fact may bring it back).");
        }
        if (!earlier.firstFingerprint.equals(fingerprint(event))) {
            throw CommitmentRefused.conflict(kind + " '" + childId + "' already exists with other content.");
        }
        return earlier.repeat();
    }

    /** The SHA-256 of the event's canonical JSON: equal for equal content, whatever the key order or scale. */
    static String fingerprint(CommitmentEvent event) {
        return CanonicalEvent.of(event).fingerprint();
    }
}
