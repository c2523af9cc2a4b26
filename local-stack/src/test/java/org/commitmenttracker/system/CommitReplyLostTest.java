package org.commitmenttracker.system;

import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL commits a request's transaction and the connection breaks before its answer
 * arrives: the service cannot know whether the request's writes were made, and must not say
 * they were not. It answers 503 "outcome unknown"; a command sent again with its
 * Idempotency-Key gets the first answer and records nothing twice.
 */
class CommitReplyLostTest {

    /**
     * Armed by a test with a table: the next commit of a transaction that inserted into it
     * succeeds and then reports a broken connection.
     */
    private static final AtomicReference<String> LOSE_NEXT_COMMIT_REPLY_OF = new AtomicReference<>();
    private static final String EVENTS = "domain_event_entry";

    private static TestDatabase.Database database;
    private static ConfigurableApplicationContext commandService;
    private static ConfigurableApplicationContext queryService;
    private static TrackerHttp commands;
    private static TrackerHttp queries;

    @BeforeAll
    static void start() {
        database = RunningSystem.newDatabase();
        commandService = RunningSystem.start(CommandServiceApplication.builder().sources(LosingCommitReplies.class),
                database.commandServiceProperties());
        queryService = RunningSystem.start(QueryServiceApplication.builder().sources(LosingCommitReplies.class),
                database.queryServiceProperties());
        commands = RunningSystem.http(commandService);
        queries = RunningSystem.http(queryService);
    }

    @AfterAll
    static void stop() {
        queryService.close();
        commandService.close();
    }

    @Test
    void aCommitWhoseAnswerIsLostIsAnsweredOutcomeUnknownAndTheSameKeyThenGetsTheFirstAnswer() {
        String id = pledgedCommitment();

        LOSE_NEXT_COMMIT_REPLY_OF.set(EVENTS);
        Response lost = disburse(id, "voucher-lost", "disbursement-key-1");

        assertThat(LOSE_NEXT_COMMIT_REPLY_OF).as("the commit's reply was lost").hasNullValue();
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.contentType()).startsWith("application/problem+json");
        assertThat(lost.json().get("type").asText()).endsWith("/outcome-unknown");
        assertThat(lost.json().get("detail").asText()).contains("may have been recorded").contains("Idempotency-Key");
        assertThat(lost.header("Retry-After")).isPresent();
        assertThat(storedDisbursements(id)).as("the commit itself went through").containsExactly("voucher-lost");

        Response again = disburse(id, "voucher-lost", "disbursement-key-1");

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Location")).hasValueSatisfying(location -> assertThat(location).contains(id));
        assertThat(again.json().get("version").asLong()).isEqualTo(3);
        assertThat(storedDisbursements(id)).as("nothing recorded twice").containsExactly("voucher-lost");
        Response detail = queries.call("/api/commitments/" + id + "?minVersion=3").as("officer").get();
        assertThat(detail.json().get("version").asLong()).isEqualTo(3);
        assertThat(new BigDecimal(detail.json().get("funding").get("disbursed").get("value").asText()))
                .isEqualByComparingTo("1.00");
    }

    @Test
    void withoutAKeyTheSameChildIdAgainIsAHarmlessRepeatOfTheRecordedFact() {
        String id = pledgedCommitment();

        LOSE_NEXT_COMMIT_REPLY_OF.set(EVENTS);
        Response lost = disburse(id, "voucher-unkeyed", null);
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.json().get("type").asText()).endsWith("/outcome-unknown");

        Response again = disburse(id, "voucher-unkeyed", null);

        assertThat(again.status()).as(again.toString()).isIn(200, 201);
        assertThat(again.json().get("version").asLong()).as("the version the first request produced").isEqualTo(3);
        assertThat(storedDisbursements(id)).containsExactly("voucher-unkeyed");
    }

    @Test
    void aSubscriptionWhoseCommitAnswerIsLostIsAnsweredOutcomeUnknownAndIsListedWhenReadAgain() {
        String url = "http://127.0.0.1:9/lost-reply-" + System.nanoTime();

        LOSE_NEXT_COMMIT_REPLY_OF.set("query.subscription");
        Response lost = queries.call("/api/subscriptions").as("integrator").post("{\"url\": \"" + url + "\"}");

        assertThat(LOSE_NEXT_COMMIT_REPLY_OF).as("the commit's reply was lost").hasNullValue();
        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.contentType()).startsWith("application/problem+json");
        assertThat(lost.json().get("type").asText()).endsWith("/outcome-unknown");
        assertThat(lost.json().get("detail").asText()).contains("may have been made");
        assertThat(lost.header("Retry-After")).isPresent();
        assertThat(queries.call("/api/subscriptions").as("integrator").get().json().get("items"))
                .as("the subscription was created after all").extracting(item -> item.get("url").asText())
                .contains(url);
    }

    private static String pledgedCommitment() {
        String id = Bodies.newId();
        assertThat(commands.call("/api/commitments").as("officer").post(Bodies.announcement(id)).status()).isEqualTo(201);
        assertThat(commands.call("/api/commitments/" + id + "/pledges").as("officer")
                .post(Bodies.pledge("pledge-1", "1000000", "USD")).status()).isEqualTo(201);
        return id;
    }

    private static Response disburse(String id, String voucher, String idempotencyKey) {
        TrackerHttp.Call call = commands.call("/api/commitments/" + id + "/disbursements").as("officer");
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.post(Bodies.disbursement(voucher, "1.00"));
    }

    private static List<String> storedDisbursements(String id) {
        return RunningSystem.storedDisbursements(database, id);
    }

    /**
     * The command service's connections, each able to lose its commit's reply: the commit is
     * made, then the driver's error for a connection broken mid-answer (SQL state 08006) is thrown.
     */
    @Configuration(proxyBeanMethods = false)
    static class LosingCommitReplies {

        @Bean
        static BeanPostProcessor connectionsThatLoseCommitReplies() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? new LosingDataSource(dataSource) : bean;
                }
            };
        }
    }

    private static final class LosingDataSource extends DelegatingDataSource {

        LosingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return losing(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return losing(super.getConnection(username, password));
        }

        private static Connection losing(Connection connection) {
            Set<String> inserts = new HashSet<>();
            return (Connection) Proxy.newProxyInstance(CommitReplyLostTest.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                                && sql.strip().toLowerCase(Locale.ROOT).startsWith("insert into")) {
                            inserts.add(sql.toLowerCase(Locale.ROOT));
                        }
                        try {
                            Object result = method.invoke(connection, args);
                            if (method.getName().equals("commit")) {
                                String table = LOSE_NEXT_COMMIT_REPLY_OF.get();
                                boolean inserted = table != null && inserts.stream().anyMatch(sql -> sql.contains(table));
                                inserts.clear();
                                if (inserted && LOSE_NEXT_COMMIT_REPLY_OF.compareAndSet(table, null)) {
                                    throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                                }
                            }
                            if (method.getName().equals("rollback")) {
                                inserts.clear();
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
