/**
 * The read side's write path: how the pooled streaming processors turn events into read-model
 * rows, explained once here (the classes say only what each is).
 *
 * <h2>The processors</h2>
 * Each read model has one pooled streaming processor, declared by its feature as a
 * {@link org.commitmenttracker.query.processing.ReadModelProcessor} bean that states only how it
 * differs (the feed: one segment, nothing parked); what they share is set once, in code
 * ({@code ProcessingConfiguration}), and the properties hold only what an operator tunes.
 *
 * <h2>One transaction per batch, few statements per event</h2>
 * A processor hands its projection a batch of events (100) in one transaction, together with its
 * token. The replay's cost was in round trips, so a projection reads what it needs for all the
 * batch's commitments in one statement ({@link org.commitmenttracker.query.processing.BatchCommitments}),
 * keeps what it read and wrote for the rest of the transaction
 * ({@link org.commitmenttracker.query.processing.TransactionCache}), and records the versions it
 * applied in one statement just before commit ({@link org.commitmenttracker.query.processing.AppliedVersions}).
 * An event at or below the version recorded for its commitment is a redelivery and changes
 * nothing, so every projection is idempotent.
 *
 * <h2>Why a first attempt is deferred, and a failed batch retried in savepoints</h2>
 * A savepoint per event costs two more round trips; they were two thirds of the replay. So a
 * batch is first applied without savepoints, its rows written once, in batched statements, just
 * before commit ({@link org.commitmenttracker.query.processing.CommitmentRows}). Any failure then
 * fails the whole batch. PostgreSQL refuses every statement of a transaction after one failed,
 * so Axon's retry of that batch ({@link org.commitmenttracker.query.processing.FailedBatches}
 * knows it by its events' ids) applies each event in its own savepoint, writing its rows at once:
 * only the failing event is rolled back and parked in the dead-letter queue (per commitment, so
 * that commitment's later events wait behind it), and the rest of the batch commits.
 *
 * <h2>Commits that do not wait for the disk</h2>
 * The event store alone rebuilds the {@code commitments} and {@code timeline} read models, so
 * their batches commit without waiting for PostgreSQL to flush them
 * ({@link org.commitmenttracker.query.processing.AsynchronousCommit}): a crash of the database
 * loses a batch's rows and its token together, and the processor applies those events again.
 * The feed's commits wait: the positions it gave and the log it signed cannot be made again.
 *
 * <h2>Replay: rebuild beside, switch when done</h2>
 * Every read-model row carries the generation that wrote it, and every read answers from the
 * read model's {@code serving} generation ({@code query.read_model_generation}). A replay
 * (ProjectionOperations: stop, reset tokens, start) runs the projection's reset handler, which
 * raises the generation being written; the replay builds it beside the rows being read, each
 * commitment from nothing at its first event. Once every segment has passed the newest event of
 * the moment, {@link org.commitmenttracker.query.processing.GenerationSwitch} sets
 * {@code serving} and deletes the other generations in one transaction. Until then every read
 * answers the previous complete state; a replay that fails never switches.
 *
 * <h2>How a read model hears of a new event</h2>
 * After each commit that appended, the command service sends a PostgreSQL notification
 * ({@code tracker_events_appended}, from a thread of its own: PostgreSQL serializes the commits of
 * notifying transactions). Here {@link org.commitmenttracker.query.processing.AppendedEventsListener}
 * hears it and tells the event store's producer to fetch now
 * ({@link org.commitmenttracker.query.processing.ListeningEventStore}); once the producer has taken
 * the new events, the processors are woken
 * ({@link org.commitmenttracker.query.processing.FetchWakingStorageEngine},
 * {@link org.commitmenttracker.query.processing.ProcessorWaker}). Without this a pooled processor
 * that has caught up looks for events again only after 500 ms, unless its stream calls it back,
 * and the embedded event store's streams cannot ({@link org.commitmenttracker.query.processing.WakingEventSource}
 * gives them the call-back). The notification is an accelerator: the producer still polls every
 * fetch delay (20 ms) and the processors are still woken every tick (50 ms), so a notification
 * lost (a dropped connection, a writer that does not notify) costs only that.
 */
package org.commitmenttracker.query.processing;
