package org.commitmenttracker.service.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.commitmenttracker.events.upcasting.CommitmentEventUpcasters;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;

/**
 * Where Axon's JDBC storage engine finds the events: schema {@code events}, snake-case
 * columns, {@code bytea} payloads (created by the command service's Flyway migrations). Axon's
 * auto-configuration builds the engine around these beans in both services.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreSchema {

    public static final String EVENT_TABLE = "events.domain_event_entry";
    public static final String SNAPSHOT_TABLE = "events.snapshot_event_entry";
    /**
     * The PostgreSQL notification channel on which the command service says, after a commit,
     * that events were appended, so that the query service reads them at once rather than at its
     * next poll (an accelerator: a reader that misses a notification still polls).
     */
    public static final String APPENDED_CHANNEL = "tracker_events_appended";

    @Bean
    EventSchema eventSchema() {
        EventSchema.Builder schema = EventSchema.builder()
                .eventTable(EVENT_TABLE)
                .snapshotTable(SNAPSHOT_TABLE)
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data");
        // Axon joins the column names anew for every append and every read (it showed in the
        // command's profile); the same text, joined once:
        String domainEventFields = schema.build().domainEventFields();
        return schema.domainEventFields(joined -> domainEventFields).build();
    }

    /**
     * Axon's JDBC engine on that layout, as Axon's auto-configuration would build it; declared
     * here because the query service replaces the event store in front of it (to set its fetch
     * delay), which makes the auto-configuration step back from both.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * Older revisions of stored events read as today's records (domain.md "Changing an event's
     * shape"). Axon's Spring Boot configuration puts every {@link EventUpcaster} bean into the
     * configuration's upcaster chain, which the engine above reads through.
     */
    @Bean
    EventUpcaster commitmentEventUpcasters() {
        return CommitmentEventUpcasters.chain();
    }

    /**
     * Two writers appending the same sequence number of one commitment: PostgreSQL reports a
     * unique violation (SQLState 23505), which Axon must see as a concurrency conflict so the
     * loser retries on fresh state. Axon's default resolver only knows the JDBC 4 exception
     * class, which the PostgreSQL driver does not throw.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }
}
