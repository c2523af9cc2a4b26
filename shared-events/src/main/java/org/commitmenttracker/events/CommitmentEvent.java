package org.commitmenttracker.events;

import java.time.LocalDate;

/**
 * What every event of a commitment's stream has: the stream it belongs to and the day it
 * happened in the world (the {@code asOf} clock; the other clock, {@code recordedAt}, is the
 * event's own timestamp).
 */
public interface CommitmentEvent {

    String commitmentId();

    /**
     * Not a JSON property of its own: it is either a field of the event or another of its dates
     * (Jackson would inherit an ignore from here onto the record components that implement it).
     */
    LocalDate occurredOn();
}
