package org.commitmenttracker.query.log;

import jakarta.annotation.PreDestroy;
import org.commitmenttracker.events.log.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signs a checkpoint of the log's tree at most once per {@code tracker.log.checkpoint-interval},
 * and only when the tree grew since the last one: an idle log signs nothing, nor does an instance
 * with the log switched off ({@link LogSwitch}).
 */
@Component
class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final LogSigningKey key;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "log-checkpoint-signer");
        thread.setDaemon(true);
        return thread;
    });

    CheckpointSigner(LogTree tree, Checkpoints checkpoints, LogSigningKey key, Clock clock, LogSwitch logSwitch,
                     @Value("${tracker.log.checkpoint-interval:2s}") Duration interval) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.key = key;
        this.clock = clock;
        long millis = interval.toMillis();
        if (!logSwitch.on()) {
            return;
        }
        scheduler.scheduleWithFixedDelay(this::signIfGrown, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Signs the tree as it stands now, if it grew; answers the size signed, or 0. */
    long signIfGrown() {
        try {
            long size = tree.size();
            if (size == 0 || size <= checkpoints.newestSize()) {
                return 0;
            }
            byte[] root = tree.root(size);
            checkpoints.add(size, root, key.sign(new Checkpoint(key.origin(), size, root).text()), clock.instant());
            return size;
        } catch (RuntimeException e) {
            // the database may be away for a while: the next round tries again
            log.warn("Could not sign a checkpoint of the log: {}", e.toString());
            return 0;
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
