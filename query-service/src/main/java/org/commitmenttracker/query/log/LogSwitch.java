package org.commitmenttracker.query.log;

import org.commitmenttracker.service.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether this instance keeps the log: appends each event's leaf to the tree and signs checkpoints
 * ({@code tracker.log.enabled}, on unless set). Off is a measurement switch only, so the bench can
 * run the same system without the log beside it (BENCHMARKS.md, "The cost of the verifiable log"):
 * the feed is numbered as ever, the chains are untouched, and the log's reads answer a problem
 * document. Switched on again, the next event appends the missing leaves once ({@link LogAppender}).
 */
@Component
public class LogSwitch {

    private final boolean on;

    LogSwitch(@Value("${tracker.log.enabled:true}") boolean on) {
        this.on = on;
    }

    public boolean on() {
        return on;
    }

    /** Refuses a read of the log on an instance that keeps none. */
    public void requireOn() {
        if (!on) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No log on this instance",
                    "This instance keeps no verifiable log: tracker.log.enabled is false, a setting for measurements. "
                            + "The feed and every commitment's integrity chain are unaffected.");
        }
    }
}
