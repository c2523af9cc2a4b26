package org.commitmenttracker.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.query.commitment.CommitmentFold;
import org.commitmenttracker.query.commitment.CommitmentStreams;
import org.commitmenttracker.query.commitment.CorrectedHistory;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.processing.ReadModelProcessor;
import org.commitmenttracker.query.timeline.TimelineSentences.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** Builds the timeline: one sentence per event, each written once under its version. */
@Component
@ProcessingGroup(TimelineProjection.NAME)
public class TimelineProjection {

    public static final String NAME = "timeline";

    /**
     * Its processor has the read side's shared settings (an event it cannot apply is parked), and
     * commits without waiting for the disk: the event store alone rebuilds this read model.
     */
    @Bean
    static ReadModelProcessor timelineProcessor() {
        return ReadModelProcessor.named(NAME).committingAsynchronously();
    }

    private final TimelineReadModel readModel;
    private final AppliedVersions versions;
    private final CommitmentStreams streams;

    public TimelineProjection(TimelineReadModel readModel, AppliedVersions versions, CommitmentStreams streams) {
        this.readModel = readModel;
        this.versions = versions;
        this.streams = streams;
    }

    /**
     * A correction or retraction rewrites the commitment's timeline from its stream as known now
     * (corrected sentences and dates, retracted facts absent) with the correction itself as an
     * entry of its own, so nothing changes silently; any other event adds its sentence.
     */
    @EventHandler
    public void on(CommitmentEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        String id = event.commitmentId();
        long version = sequenceNumber + 1;
        versions.apply(NAME, id, version, (generation, reached) -> {
            if (CorrectedHistory.isCorrection(event)) {
                rewrite(id, generation, streams.upTo(id, version));
            } else {
                add(id, generation, new CommitmentFold.VersionedEvent(event, version, recordedAt));
            }
        });
    }

    private void rewrite(String id, long generation, List<CommitmentFold.VersionedEvent> stream) {
        readModel.clear(id, generation);
        Map<Long, CommitmentFold.VersionedEvent> knownNow = new HashMap<>();
        CorrectedHistory.of(stream, CommitmentFold.VersionedEvent::event, CommitmentFold.VersionedEvent::with)
                .forEach(known -> knownNow.put(known.version(), known));
        List<CommitmentFold.VersionedEvent> before = new ArrayList<>();
        for (CommitmentFold.VersionedEvent recorded : stream) {
            if (CorrectedHistory.isCorrection(recorded.event())) {
                CommitmentEvent was = CorrectedHistory.target(before, CommitmentFold.VersionedEvent::event,
                        CommitmentFold.VersionedEvent::with, recorded.event()).orElse(null);
                TimelineSentences.Names names = readModel.names(id, generation);
                readModel.add(id, generation, new TimelineEntry(recorded.version(),
                        recorded.event().getClass().getSimpleName(), recorded.event().occurredOn(),
                        recorded.recordedAt(), TimelineSentences.correction(recorded.event(), was, names),
                        TimelineSentences.correction(recorded.event(), was, names, Language.SPANISH)));
            } else if (knownNow.containsKey(recorded.version())) {
                add(id, generation, knownNow.get(recorded.version()));
            }
            before.add(recorded);
        }
    }

    private void add(String id, long generation, CommitmentFold.VersionedEvent recorded) {
        CommitmentEvent event = recorded.event();
        if (event instanceof DialogueScheduled e) {
            readModel.nameDialogue(id, generation, e.dialogueId(), e.name());
        } else if (event instanceof MilestoneSet e) {
            readModel.nameMilestone(id, generation, e.milestoneId(), e.description());
        } else if (event instanceof IndicatorDefined e) {
            readModel.nameIndicator(id, generation, e.indicatorId(), e.name(), e.unit());
        }
        TimelineSentences.Names names = readModel.names(id, generation);
        readModel.add(id, generation, new TimelineEntry(recorded.version(), event.getClass().getSimpleName(),
                event.occurredOn(), recorded.recordedAt(), TimelineSentences.of(event, names),
                TimelineSentences.of(event, names, Language.SPANISH)));
    }

    @ResetHandler
    public void reset() {
        versions.startOver(NAME);
    }
}
