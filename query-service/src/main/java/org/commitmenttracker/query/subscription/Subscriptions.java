package org.commitmenttracker.query.subscription;

import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.query.web.Page;
import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
            + "next_attempt_at, paused, parked_at";
    private static final String ATTEMPT_COLUMNS = "id, position, event_id, attempt, attempted_at, status_code, error, "
            + "delivered, next_attempt_at, redelivery";

    private final JdbcClient jdbc;
    private final Feed feed;
    private final TargetPolicy targets;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final int maxPerOwner;

    Subscriptions(JdbcClient jdbc, Feed feed, TargetPolicy targets, Clock clock, PlatformTransactionManager transactions,
                  WebhookProperties properties) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.targets = targets;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.maxPerOwner = properties.maxSubscriptionsPerOwner();
    }

    /** A new subscription and its secret, which is answered this once and never again. */
    public record Created(Subscription subscription, String secret) {
    }

    /**
     * Subscribes {@code url} to the events that pass the filter, from after {@code after} (by
     * default the feed's current end: only what happens from now on). An owner holds at most
     * {@code tracker.webhooks.max-subscriptions-per-owner}; beyond, a 409 and nothing is created.
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
        if (filter.commitmentId() != null && !commitmentExists(filter.commitmentId())) {
            throw ApiException.notFound("commitmentId: commitment '" + filter.commitmentId() + "' does not exist.");
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        long cursor = after != null ? after : feed.head();
        transaction.executeWithoutResult(status -> {
            holdOwnerLock(owner);
            long held = count(owner);
            if (held >= maxPerOwner) {
                throw ApiException.conflict("An owner may hold at most " + maxPerOwner + " subscriptions and '" + owner
                        + "' holds " + held + "; delete one before creating another.");
            }
            insert(id, owner, target, filter, secret, now, cursor);
        });
        return new Created(find(id).orElseThrow(), secret);
    }

    /**
     * Serialises creations by one owner until the transaction ends, so that two at once cannot
     * both see room under the cap (a count alone would, in READ COMMITTED).
     */
    private void holdOwnerLock(String owner) {
        jdbc.sql("SELECT true FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS locked")
                .param("key", "query.subscription owner " + owner)
                .query(Boolean.class)
                .single();
    }

    /** How many subscriptions the owner holds, in any status. */
    public long count(String owner) {
        return jdbc.sql("SELECT count(*) FROM query.subscription WHERE owner = :owner")
                .param("owner", owner)
                .query(Long.class)
                .single();
    }

    private void insert(UUID id, String owner, URI target, FeedFilter filter, String secret, Instant now, long cursor) {
        jdbc.sql("""
                        INSERT INTO query.subscription (id, owner, url, types, commitment_id, secret, created_at, cursor,
                            next_attempt_at)
                        VALUES (:id, :owner, :url, :types, :commitmentId, :secret, :now, :cursor, NULL)""")
                .param("id", id)
                .param("owner", owner)
                .param("url", target.toString())
                .param("types", filter.types().isEmpty() ? null : filter.types().stream().sorted().toArray(String[]::new))
                .param("commitmentId", filter.commitmentId())
                .param("secret", secret)
                .param("now", Timestamp.from(now))
                .param("cursor", cursor)
                .update();
    }

    /** Whether the event store holds the commitment (read there, so a commitment just announced counts). */
    private boolean commitmentExists(String commitmentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + EventStoreSchema.EVENT_TABLE + " WHERE aggregate_identifier = :id)")
                .param("id", commitmentId)
                .query(Boolean.class)
                .single();
    }

    /**
     * A page of all subscriptions, or of those of one owner, oldest first; only those in
     * {@code status} when given.
     */
    public Page<Subscription> page(String owner, Subscription.Status status, int page, int size) {
        String where = " WHERE (CAST(:owner AS TEXT) IS NULL OR owner = :owner) "
                + "AND (CAST(:status AS TEXT) IS NULL OR CAST(:status AS TEXT) = CASE "
                + "WHEN parked_at IS NOT NULL THEN 'PARKED' WHEN paused THEN 'PAUSED' ELSE 'ACTIVE' END)";
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM query.subscription" + where)
                .param("owner", owner)
                .param("status", statusName)
                .query(Long.class)
                .single();
        List<Subscription> items = jdbc.sql("SELECT " + COLUMNS + " FROM query.subscription" + where
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("owner", owner)
                .param("status", statusName)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> read(rs))
                .list();
        return new Page<>(items, page, size, total);
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
        return jdbc.sql("SELECT " + ATTEMPT_COLUMNS + " FROM query.delivery_attempt WHERE subscription_id = :id "
                        + "ORDER BY id DESC LIMIT :limit")
                .param("id", id)
                .param("limit", limit)
                .query((rs, row) -> readAttempt(rs))
                .list();
    }

    /** One attempt of the subscription. */
    public Optional<DeliveryAttempt> attempt(UUID id, long deliveryId) {
        return jdbc.sql("SELECT " + ATTEMPT_COLUMNS + " FROM query.delivery_attempt WHERE subscription_id = :id "
                        + "AND id = :deliveryId")
                .param("id", id)
                .param("deliveryId", deliveryId)
                .query((rs, row) -> readAttempt(rs))
                .optional();
    }

    /** The number the next attempt at this event gets. */
    int nextAttemptNumber(UUID id, String eventId) {
        return jdbc.sql("SELECT COALESCE(MAX(attempt), 0) + 1 FROM query.delivery_attempt "
                        + "WHERE subscription_id = :id AND event_id = :eventId")
                .param("id", id)
                .param("eventId", eventId)
                .query(Integer.class)
                .single();
    }

    String secret(UUID id) {
        return jdbc.sql("SELECT secret FROM query.subscription WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** Stops deliveries until {@link #resume}; a delivery in flight finishes. */
    public void pause(UUID id) {
        jdbc.sql("UPDATE query.subscription SET paused = true WHERE id = :id").param("id", id).update();
    }

    /** Delivers again, at once, a paused or parked subscription, from where it stopped. */
    public void resume(UUID id) {
        jdbc.sql("UPDATE query.subscription SET paused = false, parked_at = NULL, failures = 0, next_attempt_at = NULL "
                        + "WHERE id = :id")
                .param("id", id)
                .update();
    }

    /**
     * Delivers again every matching event from position {@code from} on (it stays paused if it
     * was). Raising the generation voids what a delivery in flight would record about the cursor.
     */
    public void replay(UUID id, long from) {
        jdbc.sql("""
                        UPDATE query.subscription SET cursor = :cursor, failures = 0, next_attempt_at = NULL,
                            parked_at = NULL, generation = generation + 1, leased_until = NULL
                        WHERE id = :id""")
                .param("cursor", from - 1)
                .param("id", id)
                .update();
    }

    /** A subscription held by this worker for one round of deliveries, with the secret that signs them. */
    record Leased(Subscription subscription, String secret, int generation) {

        Leased deliveredUpTo(long position) {
            return new Leased(subscription.deliveredUpTo(position), secret, generation);
        }
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
                            WHERE NOT paused AND parked_at IS NULL
                              AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                              AND (leased_until IS NULL OR leased_until < :now)
                              AND cursor < (SELECT COALESCE(MAX(position), 0) FROM query.feed_event)
                            ORDER BY next_attempt_at NULLS FIRST LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS + ", secret, generation")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query((rs, row) -> new Leased(read(rs), rs.getString("secret"), rs.getInt("generation")))
                .list();
    }

    /**
     * Keeps holding a subscription for another round; false when it was deleted, paused, parked
     * or replayed meanwhile (then the worker lets go).
     */
    boolean extendLease(UUID id, int generation, Duration lease) {
        return jdbc.sql("UPDATE query.subscription SET leased_until = :until WHERE id = :id AND generation = :generation "
                        + "AND NOT paused AND parked_at IS NULL")
                .param("until", Timestamp.from(clock.instant().plus(lease)))
                .param("id", id)
                .param("generation", generation)
                .update() > 0;
    }

    /** Records an attempt; false when the subscription was deleted meanwhile. */
    boolean record(UUID id, DeliveryAttempt attempt) {
        return recordReturningId(id, attempt).isPresent();
    }

    /** Records an attempt and answers it as recorded; empty when the subscription was deleted meanwhile. */
    Optional<DeliveryAttempt> recordReturning(UUID id, DeliveryAttempt attempt) {
        return recordReturningId(id, attempt).flatMap(deliveryId -> attempt(id, deliveryId));
    }

    private Optional<Long> recordReturningId(UUID id, DeliveryAttempt attempt) {
        return jdbc.sql("""
                        INSERT INTO query.delivery_attempt (subscription_id, position, event_id, attempt, attempted_at,
                            status_code, error, delivered, next_attempt_at, redelivery)
                        SELECT :id, :position, :eventId, :attempt, :attemptedAt, :statusCode, :error, :delivered,
                            :nextAttemptAt, :redelivery
                        WHERE EXISTS (SELECT 1 FROM query.subscription WHERE id = :id)
                        RETURNING id""")
                .param("id", id)
                .param("position", attempt.position())
                .param("eventId", attempt.eventId())
                .param("attempt", attempt.attempt())
                .param("attemptedAt", Timestamp.from(attempt.attemptedAt()))
                .param("statusCode", attempt.statusCode())
                .param("error", attempt.error())
                .param("delivered", attempt.delivered())
                .param("nextAttemptAt", attempt.nextAttemptAt() == null ? null : Timestamp.from(attempt.nextAttemptAt()))
                .param("redelivery", attempt.redelivery())
                .query(Long.class)
                .optional();
    }

    /**
     * Moves the cursor past a delivered event, or past events that do not match; no retry is due
     * any more. The subscription stays held. Nothing changes if it was replayed meanwhile.
     */
    void advance(UUID id, int generation, long position) {
        jdbc.sql("UPDATE query.subscription SET cursor = GREATEST(cursor, :position), failures = 0, next_attempt_at = NULL "
                        + "WHERE id = :id AND generation = :generation")
                .param("position", position)
                .param("id", id)
                .param("generation", generation)
                .update();
    }

    /**
     * The event after the cursor failed: try it again at {@code nextAttemptAt}, or, when
     * {@code nextAttemptAt} is null, park the subscription; and let go of it.
     */
    void failed(UUID id, int generation, int failures, Instant nextAttemptAt) {
        jdbc.sql("""
                        UPDATE query.subscription SET failures = :failures, next_attempt_at = :next, leased_until = NULL,
                            parked_at = :parkedAt
                        WHERE id = :id AND generation = :generation""")
                .param("failures", failures)
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("parkedAt", nextAttemptAt == null ? Timestamp.from(clock.instant()) : null)
                .param("id", id)
                .param("generation", generation)
                .update();
    }

    /**
     * Lets go of a subscription that is up to date, to be looked at again when the feed grows.
     * Not after a replay: another worker may hold it by then.
     */
    void release(UUID id, int generation) {
        jdbc.sql("UPDATE query.subscription SET leased_until = NULL WHERE id = :id AND generation = :generation")
                .param("id", id)
                .param("generation", generation)
                .update();
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        Array types = rs.getArray("types");
        Instant parkedAt = instant(rs, "parked_at");
        Subscription.Status status = parkedAt != null ? Subscription.Status.PARKED
                : rs.getBoolean("paused") ? Subscription.Status.PAUSED : Subscription.Status.ACTIVE;
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("url"),
                types == null ? null : Arrays.asList((String[]) types.getArray()), rs.getString("commitment_id"),
                instant(rs, "created_at"), rs.getLong("cursor"), rs.getInt("failures"), instant(rs, "next_attempt_at"),
                status, parkedAt);
    }

    private static DeliveryAttempt readAttempt(ResultSet rs) throws SQLException {
        return new DeliveryAttempt(rs.getLong("id"), rs.getLong("position"), rs.getString("event_id"),
                rs.getInt("attempt"), instant(rs, "attempted_at"), (Integer) rs.getObject("status_code"),
                rs.getString("error"), rs.getBoolean("delivered"), instant(rs, "next_attempt_at"),
                rs.getBoolean("redelivery"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
