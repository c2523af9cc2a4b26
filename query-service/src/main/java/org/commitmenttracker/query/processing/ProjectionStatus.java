package org.commitmenttracker.query.processing;

import java.util.List;

/**
 * One processing group (one read model) as {@code GET /api/projections} shows it.
 * {@code position} is the global index every segment has passed (the slowest segment),
 * {@code headPosition} the highest global index in the event store, {@code lag} the difference.
 * {@code status} is RUNNING, STOPPED or ERROR on the instance that answers; {@code segments}
 * says which instance ({@code owner}) holds which part of the stream.
 */
public record ProjectionStatus(String name, long position, long headPosition, long lag, String status,
                               boolean replaying, long deadLetters, List<Segment> segments) {

    public record Segment(int segment, long position, String owner, boolean replaying) {
    }

    public ProjectionStatus {
        segments = List.copyOf(segments);
    }
}
