package org.commitmenttracker.query.subscription;

import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code query.subscription} and {@code query.delivery_attempt} tables. */
@Repository
public class Subscriptions {

    private static final String COLUMNS = "id, owner, url, types, commitment_id, created_at, cursor, failures, "
            + "next_attempt_at";

    private final JdbcClient jdbc;
    private final Feed feed;
    private final TargetPolicy targets;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, Feed feed, TargetPolicy targets, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.targets = targets;
        this.clock = clock;
    }

    /** A new subscription and its secret, which is answered this once and never again. */
    public record Created(Subscription subscription, String secret) {
    }

    /**
     * Subscribes {@code url} to the events that pass the filter, from after {@code after} (by
     * default the feed's current end: only what happens from now on).
     */
    public Created create(String owner, String url, FeedFilter filter, Long after) {
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("url: is not a valid URL.");
        }
        targets.refusal(target).ifPresent(reason -> {
            throw ApiException.badRequest("url: " + reason + "; such targets are refused.");
        });
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        long cursor = after != null ? after : feed.head();
        jdbc.sql("""
                        INSERT INTO query.subscription (id, owner, url, types, commitment_id, secret, created_at, cursor,
                            next_attempt_at)
                        VALUES (:id, :owner, :url, :types, :commitmentId, :secret, :now, :cursor, :now)""")
                .param("id", id)
                .param("owner", owner)
                .param("url", target.toString())
                .param("types", filter.types().isEmpty() ? null : filter.types().stream().sorted().toArray(String[]::new))
                .param("commitmentId", filter.commitmentId())
                .param("secret", secret)
                .param("now", Timestamp.from(now))
                .param("cursor", cursor)
                .update();
        return new Created(find(id).orElseThrow(), secret);
    }

    /** All subscriptions, or those of one owner, oldest first. */
    public List<Subscription> list(String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query.subscription WHERE (CAST(:owner AS TEXT) IS NULL OR owner = :owner) "
                        + "ORDER BY created_at, id")
                .param("owner", owner)
                .query((rs, row) -> read(rs))
                .list();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query.subscription WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> read(rs))
                .optional();
    }

    /** Removes the subscription and its delivery record; a delivery in flight is not retried. */
    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM query.subscription WHERE id = :id").param("id", id).update() > 0;
    }

    /** The most recent attempts first. */
    public List<DeliveryAttempt> attempts(UUID id, int limit) {
        return jdbc.sql("""
                        SELECT position, event_id, attempt, attempted_at, status_code, error, delivered, next_attempt_at
                        FROM query.delivery_attempt WHERE subscription_id = :id ORDER BY id DESC LIMIT :limit""")
                .param("id", id)
                .param("limit", limit)
                .query((rs, row) -> new DeliveryAttempt(rs.getLong("position"), rs.getString("event_id"),
                        rs.getInt("attempt"), instant(rs, "attempted_at"), (Integer) rs.getObject("status_code"),
                        rs.getString("error"), rs.getBoolean("delivered"), instant(rs, "next_attempt_at")))
                .list();
    }

    /** A subscription held by this worker for one round of deliveries, with the secret that signs them. */
    record Leased(Subscription subscription, String secret) {
    }

    /**
     * Takes up to {@code limit} subscriptions that are due and have something new in the feed,
     * and holds them for {@code lease}; another worker skips them meanwhile.
     */
    List<Leased> leaseDue(int limit, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE query.subscription SET leased_until = :until
                        WHERE id IN (SELECT id FROM query.subscription
                            WHERE next_attempt_at <= :now AND (leased_until IS NULL OR leased_until < :now)
                              AND cursor < (SELECT COALESCE(MAX(position), 0) FROM query.feed_event)
                            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS + ", secret")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query((rs, row) -> new Leased(read(rs), rs.getString("secret")))
                .list();
    }

    /** Keeps holding a subscription for another round; false when it was deleted meanwhile. */
    boolean extendLease(UUID id, Duration lease) {
        return jdbc.sql("UPDATE query.subscription SET leased_until = :until WHERE id = :id")
                .param("until", Timestamp.from(clock.instant().plus(lease)))
                .param("id", id)
                .update() > 0;
    }

    /** Records an attempt; false when the subscription was deleted meanwhile. */
    boolean record(UUID id, DeliveryAttempt attempt) {
        return jdbc.sql("""
                        INSERT INTO query.delivery_attempt (subscription_id, position, event_id, attempt, attempted_at,
                            status_code, error, delivered, next_attempt_at)
                        SELECT :id, :position, :eventId, :attempt, :attemptedAt, :statusCode, :error, :delivered,
                            :nextAttemptAt
                        WHERE EXISTS (SELECT 1 FROM query.subscription WHERE id = :id)""")
                .param("id", id)
                .param("position", attempt.position())
                .param("eventId", attempt.eventId())
                .param("attempt", attempt.attempt())
                .param("attemptedAt", Timestamp.from(attempt.attemptedAt()))
                .param("statusCode", attempt.statusCode())
                .param("error", attempt.error())
                .param("delivered", attempt.delivered())
                .param("nextAttemptAt", attempt.nextAttemptAt() == null ? null : Timestamp.from(attempt.nextAttemptAt()))
                .update() > 0;
    }

    /** Moves the cursor past a delivered event, or past events that do not match; the subscription stays held. */
    void advance(UUID id, long position) {
        jdbc.sql("UPDATE query.subscription SET cursor = GREATEST(cursor, :position), failures = 0 WHERE id = :id")
                .param("position", position)
                .param("id", id)
                .update();
    }

    /** The event after the cursor failed: try it again at {@code nextAttemptAt}, and let go of the subscription. */
    void failed(UUID id, int failures, Instant nextAttemptAt) {
        jdbc.sql("UPDATE query.subscription SET failures = :failures, next_attempt_at = :next, leased_until = NULL "
                        + "WHERE id = :id")
                .param("failures", failures)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("id", id)
                .update();
    }

    /** Lets go of a subscription that is up to date, to be looked at again when the feed grows. */
    void release(UUID id) {
        jdbc.sql("UPDATE query.subscription SET leased_until = NULL WHERE id = :id").param("id", id).update();
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        Array types = rs.getArray("types");
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("url"),
                types == null ? null : Arrays.asList((String[]) types.getArray()), rs.getString("commitment_id"),
                instant(rs, "created_at"), rs.getLong("cursor"), rs.getInt("failures"), instant(rs, "next_attempt_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
