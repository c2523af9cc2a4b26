package org.commitmenttracker.query.processing;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.commitmenttracker.service.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What an administrator sees and does with the streaming processors that build the read models. */
@Service
public class ProjectionOperations {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final GenerationSwitch generations;
    /** Replays asked for on this instance and not yet started again: they count as replaying. */
    private final Set<String> pendingReplays = ConcurrentHashMap.newKeySet();
    private final ExecutorService replays = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionOperations(EventProcessingConfiguration processing, JdbcClient jdbc, Serializer serializer,
                         GenerationSwitch generations) {
        this.processing = processing;
        this.generations = generations;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<ProjectionStatus> statuses() {
        long head = jdbc.sql("SELECT COALESCE(max(global_index), 0) FROM " + EventStoreSchema.EVENT_TABLE)
                .query(Long.class)
                .single();
        List<ProjectionStatus> statuses = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors()).forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                statuses.add(status(name, streaming, head));
            }
        });
        return statuses;
    }

    /**
     * Rebuilds a read model from the first event: stops its processor, resets its tokens (which
     * runs the projection's reset handler in the same transaction) and starts it again, on a
     * background thread. Reads keep answering from the previous generation meanwhile, until
     * {@link GenerationSwitch} switches them to the rebuilt one.
     */
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!pendingReplays.add(name)) {
            return;
        }
        replays.execute(() -> {
            try {
                processor.shutdownAsync().get(60, TimeUnit.SECONDS);
                processor.resetTokens();
                log.info("Replaying the read model of processor {}", name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // e.g. another instance still holds a segment: the processor goes on as it was
                log.warn("Could not reset processor {}: {}", name, e.toString());
            } finally {
                processor.start();
                pendingReplays.remove(name);
            }
        });
    }

    /** Processes the parked events of a processing group again, each commitment's in order. */
    public DeadLetterRetry retryDeadLetters(String name) {
        processor(name);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name)
                .orElseThrow(() -> ApiException.notFound("Projection '" + name + "' has no dead-letter queue."));
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> ApiException.notFound("Projection '" + name + "' has no dead-letter queue."));
        // A sequence that fails again goes to the back of the queue, so each is tried once here.
        long sequences = queue.amountOfSequences();
        long processed = 0;
        for (long i = 0; i < sequences; i++) {
            if (letters.processAny()) {
                processed++;
            }
        }
        return new DeadLetterRetry(name, sequences, processed, queue.size());
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> ApiException.notFound("There is no projection '" + name + "'."));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> live = processor.processingStatus();
        List<ProjectionStatus.Segment> segments = jdbc.sql("""
                        SELECT segment, token, token_type, timestamp, owner FROM query.token_entry
                        WHERE processor_name = ? ORDER BY segment""")
                .param(name)
                .query((rs, row) -> {
                    int segment = rs.getInt("segment");
                    // This instance's own segments are ahead of the store between two token commits.
                    EventTrackerStatus own = live.get(segment);
                    TrackingToken token = own != null ? own.getTrackingToken()
                            : new GenericTokenEntry<>(rs.getBytes("token"), rs.getString("token_type"),
                                    rs.getString("timestamp"), rs.getString("owner"), name, segment, byte[].class)
                                    .getToken(serializer);
                    return new ProjectionStatus.Segment(segment, position(token), rs.getString("owner"),
                            rebuilding(token));
                })
                .list();
        long position = segments.stream().mapToLong(ProjectionStatus.Segment::position).min().orElse(0);
        boolean replaying = pendingReplays.contains(name)
                || segments.stream().anyMatch(ProjectionStatus.Segment::replaying) || generations.building(name);
        String status = processor.isError() ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED";
        long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
        return new ProjectionStatus(name, position, head, Math.max(0, head - position), status, replaying,
                deadLetters, segments);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /**
     * A replay token stays one until an event newer than the reset arrives; the read model is
     * rebuilt as soon as it has reached the position of the reset.
     */
    private static boolean rebuilding(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            TrackingToken atReset = replay.getTokenAtReset();
            return atReset != null && position(replay) < position(atReset);
        }
        return false;
    }

    @PreDestroy
    void stop() {
        replays.shutdownNow();
    }
}
