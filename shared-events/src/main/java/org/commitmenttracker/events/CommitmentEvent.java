package org.commitmenttracker.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;

/**
 * What every event of a commitment's stream has: the stream it belongs to and the day it
 * happened in the world (the {@code asOf} clock; the other clock, {@code recordedAt}, is the
 * event's own timestamp).
 */
public interface CommitmentEvent {

    String commitmentId();

    @JsonIgnore
    LocalDate occurredOn();
}
