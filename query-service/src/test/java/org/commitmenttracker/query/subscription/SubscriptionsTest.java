package org.commitmenttracker.query.subscription;

import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.query.web.Page;
import org.commitmenttracker.service.web.ApiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15, finding 7: subscriptions per owner are capped, and their list comes in pages. */
class SubscriptionsTest {

    private static final int CAP = 3;
    private static ReadModelDatabase database;
    private static Subscriptions subscriptions;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.create();
        WebhookProperties properties = new WebhookProperties(false, null, null, null, null, null, CAP);
        // Every host resolves to a public address: the target policy lets it through without DNS.
        TargetPolicy targets = new TargetPolicy(properties, host -> new InetAddress[]{
                InetAddress.getByAddress(host, new byte[]{93, (byte) 184, (byte) 216, 34})});
        subscriptions = new Subscriptions(database.jdbc, new Feed(database.jdbc), targets, new TickingClock(),
                database.transactions, properties);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aSubscriptionBeyondTheCapIsAConflictNamingTheCapAndCreatesNothing() {
        String owner = owner();
        for (int i = 0; i < CAP; i++) {
            subscribe(owner, i);
        }

        assertThatThrownBy(() -> subscribe(owner, CAP))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(refused.getMessage()).contains("at most " + CAP + " subscriptions").contains(owner);
                });
        assertThat(subscriptions.count(owner)).isEqualTo(CAP);
        assertThat(subscriptions.page(owner, null, 0, 50).items()).extracting(Subscription::url)
                .doesNotContain("https://hooks.example.org/" + CAP);
        // Another owner is not held back by this one's subscriptions.
        String other = owner();
        subscribe(other, 0);
        assertThat(subscriptions.count(other)).isEqualTo(1);
    }

    @Test
    void deletingOneMakesRoomForAnother() {
        String owner = owner();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            ids.add(subscribe(owner, i).subscription().id());
        }

        subscriptions.delete(ids.get(0));

        assertThat(subscribe(owner, CAP).subscription().owner()).isEqualTo(owner);
        assertThat(subscriptions.count(owner)).isEqualTo(CAP);
    }

    @Test
    void creationsAtOnceStayWithinTheCap() throws Exception {
        String owner = owner();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> creations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                creations.add(() -> {
                    try {
                        subscribe(owner, n);
                        return true;
                    } catch (ApiException refused) {
                        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
                        return false;
                    }
                });
            }
            long created = 0;
            for (Future<Boolean> result : pool.invokeAll(creations)) {
                created += result.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(CAP);
        } finally {
            pool.shutdownNow();
        }
        assertThat(subscriptions.count(owner)).isEqualTo(CAP);
    }

    @Test
    void pagesCoverTheOwnersSubscriptionsOnceEachOldestFirst() {
        String owner = owner();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            created.add(subscribe(owner, i).subscription().id());
        }
        subscribe(owner(), 0);

        Page<Subscription> first = subscriptions.page(owner, null, 0, 2);
        Page<Subscription> second = subscriptions.page(owner, null, 1, 2);
        Page<Subscription> beyond = subscriptions.page(owner, null, 2, 2);

        assertThat(first.items()).extracting(Subscription::id).containsExactly(created.get(0), created.get(1));
        assertThat(second.items()).extracting(Subscription::id).containsExactly(created.get(2));
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), beyond.total())).containsOnly((long) CAP);
        assertThat(List.of(first.page(), first.size(), second.page())).containsExactly(0, 2, 1);
    }

    @Test
    void theStatusFilterCountsAndPagesOnlyThatStatus() {
        String owner = owner();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            created.add(subscribe(owner, i).subscription().id());
        }
        subscriptions.pause(created.get(1));

        Page<Subscription> paused = subscriptions.page(owner, Subscription.Status.PAUSED, 0, 1);
        Page<Subscription> active = subscriptions.page(owner, Subscription.Status.ACTIVE, 0, 1);

        assertThat(paused.total()).isEqualTo(1);
        assertThat(paused.items()).extracting(Subscription::id).containsExactly(created.get(1));
        assertThat(active.total()).isEqualTo(2);
        assertThat(active.items()).extracting(Subscription::id).containsExactly(created.get(0));
    }

    private static Subscriptions.Created subscribe(String owner, int n) {
        return subscriptions.create(owner, "https://hooks.example.org/" + n, FeedFilter.of(null, null), 0L);
    }

    private static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    /** A second later at every reading, so that creations have distinct, ordered times. */
    private static final class TickingClock extends Clock {
        private final AtomicLong seconds = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds.incrementAndGet());
        }
    }
}
