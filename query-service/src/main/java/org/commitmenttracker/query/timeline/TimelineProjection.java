package org.commitmenttracker.query.timeline;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.stereotype.Component;

/** Builds the timeline: one sentence per event, each written once under its version. */
@Component
@ProcessingGroup(TimelineProjection.NAME)
public class TimelineProjection {

    public static final String NAME = "timeline";

    private final TimelineReadModel readModel;
    private final AppliedVersions versions;

    public TimelineProjection(TimelineReadModel readModel, AppliedVersions versions) {
        this.readModel = readModel;
        this.versions = versions;
    }

    @EventHandler
    public void on(CommitmentEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        String id = event.commitmentId();
        long version = sequenceNumber + 1;
        versions.apply(NAME, id, version, (generation, startOver) -> {
            if (event instanceof DialogueScheduled e) {
                readModel.nameDialogue(id, generation, e.dialogueId(), e.name());
            } else if (event instanceof MilestoneSet e) {
                readModel.nameMilestone(id, generation, e.milestoneId(), e.description());
            } else if (event instanceof IndicatorDefined e) {
                readModel.nameIndicator(id, generation, e.indicatorId(), e.name(), e.unit());
            }
            String summary = TimelineSentences.of(event, readModel.names(id, generation));
            readModel.add(id, generation, new TimelineEntry(version, event.getClass().getSimpleName(),
                    event.occurredOn(), recordedAt, summary));
        });
    }

    @ResetHandler
    public void reset() {
        versions.startOver(NAME);
    }
}
