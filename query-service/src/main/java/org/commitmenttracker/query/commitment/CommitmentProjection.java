package org.commitmenttracker.query.commitment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.processing.CommitmentRows;
import org.commitmenttracker.query.processing.ReadModelProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Folds each commitment once ({@link CommitmentFold}) and writes every read model of it from
 * that fold ({@link CommitmentReadModel}): the list and detail, the ledger, the dialogue
 * calendar and the dashboard. Idempotent and replayable through {@link AppliedVersions}, worked
 * per batch ({@link CommitmentRows}).
 */
@Component
@ProcessingGroup(CommitmentProjection.NAME)
public class CommitmentProjection {

    public static final String NAME = "commitments";

    /**
     * Its processor has the read side's shared settings (an event it cannot apply is parked), and
     * commits without waiting for the disk: the event store alone rebuilds this read model.
     */
    @Bean
    static ReadModelProcessor commitmentsProcessor() {
        return ReadModelProcessor.named(NAME).committingAsynchronously();
    }

    /**
     * What a folded commitment parsed from its row weighs on the heap: about 1.6 kB, and 0.33 kB
     * for each event folded into it (measured after GC: 4.7 kB at 10 events, 17.8 kB at 50,
     * 66 kB at 200; BENCHMARKS.md). An event that adds no entry still counts, so this errs high.
     */
    static int estimatedBytes(FoldedCommitment state) {
        return (int) Math.min(Integer.MAX_VALUE, 1_600 + 330 * state.version());
    }

    private final AppliedVersions versions;
    private final CommitmentRows<FoldedCommitment> rows;
    private final CommitmentStreams streams;

    /**
     * @param rememberedHeapPercent the share of the heap the folded commitments remembered between
     *                              batches may take (see {@link CommitmentRows}): enough that an
     *                              event does not read and parse its commitment's row back (that
     *                              was most of a replay's and of the lag's time, BENCHMARKS.md),
     *                              even in a replay, which touches every commitment in turn
     */
    public CommitmentProjection(CommitmentReadModel readModel, AppliedVersions versions, CommitmentStreams streams,
                                @Value("${tracker.processing.remembered-heap-percent:25}") int rememberedHeapPercent) {
        this.versions = versions;
        this.rows = new CommitmentRows<>(NAME, readModel, versions, new CommitmentRows.Memory<>(
                Runtime.getRuntime().maxMemory() / 100 * rememberedHeapPercent, CommitmentProjection::estimatedBytes));
        this.streams = streams;
    }

    /**
     * A correction or retraction changes a fact recorded earlier, so the commitment is folded
     * again from its stream as known now (rare: the price of one read of the stream); any other
     * event folds onto the state.
     */
    @EventHandler
    public void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        long version = sequenceNumber + 1;
        if (CorrectedHistory.isCorrection(event)) {
            rows.apply(event.commitmentId(), version, current -> CommitmentFold
                    .foldKnown(streams.upTo(event.commitmentId(), version), null)
                    .map(CommitmentFold.Known::state).orElse(null));
        } else {
            rows.apply(event.commitmentId(), version, current -> CommitmentFold.evolve(current, event, version));
        }
    }

    @ResetHandler
    public void reset() {
        versions.startOver(NAME);
        rows.forget();
    }
}
