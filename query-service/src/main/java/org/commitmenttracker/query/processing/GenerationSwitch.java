package org.commitmenttracker.query.processing;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Switches the reads of a replayed read model over to the generation its replay built, once
 * that generation is complete: when every segment of the read model's processor has passed
 * {@code target}, the newest event when the switch first saw the new generation (just after the
 * reset: later, so never too early). One transaction, holding the
 * generation's row so that no reset can slip in between, sets {@code serving}; a read sees the
 * old generation or the new one, never a mix. The older generations' rows are deleted after it,
 * each table in a statement of its own: reads ask for the serving generation only, so they need
 * not wait for it (a million-event replay left seconds of deleting in the switch). Every
 * instance looks, every {@code tracker.processing.switch-interval}; the first one switches.
 */
@Component
public class GenerationSwitch {

    /** The newest event of the store, as a target for a generation. */
    private static final String HEAD = "(SELECT COALESCE(max(global_index), 0) FROM " + EventStoreSchema.EVENT_TABLE + ")";

    /** The tables each read model (named as its processor) writes, each with a {@code generation} column. */
    private static final Map<String, List<String>> TABLES = Map.of(
            "commitments", List.of("query.commitment", "query.funding_entry", "query.dialogue"),
            "timeline", List.of("query.timeline_entry", "query.timeline_name"));

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final TransactionTemplate transaction;
    private volatile boolean leftoversDropped;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "generation-switch");
        thread.setDaemon(true);
        return thread;
    });

    public GenerationSwitch(JdbcClient jdbc, Serializer serializer, PlatformTransactionManager transactionManager,
                     @Value("${tracker.processing.switch-interval:200ms}") Duration interval) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.transaction = new TransactionTemplate(transactionManager);
        long millis = interval.toMillis();
        ticker.scheduleWithFixedDelay(this::switchWhatIsComplete, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Whether a read model is building a generation that reads do not answer from yet. */
    public boolean building(String readModel) {
        return jdbc.sql("SELECT generation <> serving FROM query.read_model_generation WHERE read_model = ?")
                .param(readModel).query(Boolean.class).optional().orElse(false);
    }

    void switchWhatIsComplete() {
        try {
            if (!leftoversDropped) { // an instance stopped between a switch and its deletes
                TABLES.keySet().forEach(this::dropOlderGenerations);
                leftoversDropped = true;
            }
            jdbc.sql("SELECT read_model FROM query.read_model_generation WHERE generation <> serving")
                    .query(String.class).list().forEach(this::switchIfComplete);
        } catch (RuntimeException e) {
            log.warn("Could not look for replayed read models to switch over: {}", e.toString());
        }
    }

    /** @return whether the reads of {@code readModel} now answer from its newest generation */
    public boolean switchIfComplete(String readModel) {
        Boolean switched = transaction.execute(status -> {
            Generation g = jdbc.sql("""
                            SELECT generation, serving, target FROM query.read_model_generation
                            WHERE read_model = ? FOR UPDATE""")
                    .param(readModel)
                    .query((rs, row) -> new Generation(rs.getLong("generation"), rs.getLong("serving"),
                            rs.getObject("target", Long.class)))
                    .optional().orElse(null);
            if (g == null || g.generation() == g.serving()) {
                return g != null;
            }
            if (g.target() == null) {
                jdbc.sql("UPDATE query.read_model_generation SET target = " + HEAD + " WHERE read_model = ?")
                        .param(readModel).update();
                return false;
            }
            List<Long> positions = positions(readModel);
            if (positions.isEmpty() || positions.stream().anyMatch(p -> p < g.target())) {
                return false;
            }
            switchOver(readModel, g.generation());
            return true;
        });
        if (Boolean.TRUE.equals(switched)) {
            dropOlderGenerations(readModel);
        }
        return Boolean.TRUE.equals(switched);
    }

    /**
     * Makes reads answer from the newest generation of {@code readModel}, complete or not: for
     * {@link #switchIfComplete} and for tests that play a replay through themselves.
     */
    public void switchOver(String readModel) {
        transaction.executeWithoutResult(status -> {
            Long generation = jdbc.sql("SELECT generation FROM query.read_model_generation WHERE read_model = ? FOR UPDATE")
                    .param(readModel).query(Long.class).single();
            switchOver(readModel, generation);
        });
        dropOlderGenerations(readModel);
    }

    private void switchOver(String readModel, long generation) {
        jdbc.sql("UPDATE query.read_model_generation SET serving = generation WHERE read_model = ?")
                .param(readModel).update();
        log.info("Read model {} now answers from generation {}", readModel, generation);
    }

    /**
     * Deletes the rows of the generations before the serving one, which no read asks for; not
     * those of a generation being built, which is newer.
     */
    private void dropOlderGenerations(String readModel) {
        String serving = AppliedVersions.serving(readModel);
        try {
            for (String table : TABLES.getOrDefault(readModel, List.of())) {
                jdbc.sql("DELETE FROM " + table + " WHERE generation < " + serving).update();
            }
            jdbc.sql("DELETE FROM query.applied_version WHERE read_model = ? AND generation < " + serving)
                    .param(readModel).update();
        } catch (RuntimeException e) { // left for the next switch or start
            log.warn("Could not delete the older generations of read model {}: {}", readModel, e.toString());
        }
    }

    private record Generation(long generation, long serving, Long target) {
    }

    /** How far each segment of the processor has got, as its tokens were last committed (with its rows). */
    private List<Long> positions(String processor) {
        return jdbc.sql("SELECT segment, token, token_type, timestamp, owner FROM query.token_entry WHERE processor_name = ?")
                .param(processor)
                .query((rs, row) -> {
                    TrackingToken token = new GenericTokenEntry<>(rs.getBytes("token"), rs.getString("token_type"),
                            rs.getString("timestamp"), rs.getString("owner"), processor, rs.getInt("segment"),
                            byte[].class).getToken(serializer);
                    return token == null ? 0L : token.position().orElse(0L);
                })
                .list();
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
