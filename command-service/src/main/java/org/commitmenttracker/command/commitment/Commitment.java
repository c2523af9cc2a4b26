package org.commitmenttracker.command.commitment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.integrity.IntegrityChain;

import java.time.LocalDate;

import static org.commitmenttracker.command.commitment.CommitmentRefused.conflict;
import static org.commitmenttracker.command.commitment.CommitmentRefused.invalid;

/**
 * One public promise and everything that happened to it. The command handlers decide (each
 * rule one {@code if} and one refusal); {@link #evolve} only assigns. Handlers answer the
 * commitment's version, the number of events in its stream.
 */
@Aggregate(snapshotTriggerDefinition = "commitmentSnapshotTrigger", cache = "commitmentCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Commitment {

    /** Facts may be logged a day ahead of UTC, for the time zones west of it. */
    private static final int DAYS_OF_SLACK = 1;

    @AggregateIdentifier
    private String commitmentId;
    private LocalDate announcedOn;
    private String lastHash = IntegrityChain.GENESIS;

    protected Commitment() {
        // for Axon
    }

    @CommandHandlerInterceptor
    Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object expected = command.getMetaData().get(CommandContext.EXPECTED_VERSION);
        if (expected != null && ((Number) expected).longValue() != version()) {
            throw new CommitmentRefused(CommitmentRefused.Reason.VERSION_MISMATCH,
                    "The commitment is at version " + version() + ", not " + expected + ".");
        }
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(AnnounceCommitment command) {
        if (announcedOn != null) {
            throw conflict("Commitment '" + command.commitmentId() + "' already exists.");
        }
        requireNotInFuture("announcedOn", command.announcedOn(), command.today());
        if (command.dueBy() != null && command.dueBy().isBefore(command.announcedOn())) {
            throw invalid("dueBy must not be before announcedOn.");
        }
        record(new CommitmentAnnounced(command.commitmentId(), command.title(), command.summary(), command.category(),
                command.parties(), command.leadAgencies(), command.announcedOn(), command.source(), command.dueBy()));
        return version();
    }

    @EventSourcingHandler
    void on(CommitmentEvent event, @MetaDataValue("hash") String hash) {
        lastHash = hash;
        evolve(event);
    }

    private void evolve(CommitmentEvent event) {
        if (event instanceof CommitmentAnnounced announced) {
            commitmentId = announced.commitmentId();
            announcedOn = announced.announcedOn();
        }
    }

    private static void requireNotInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today.plusDays(DAYS_OF_SLACK))) {
            throw invalid(field + " " + date + " lies in the future.");
        }
    }

    /** Applies an event with its link of the integrity chain (domain.md) in its metadata. */
    private void record(CommitmentEvent event) {
        MetaData command = CurrentUnitOfWork.get().getMessage().getMetaData();
        String actor = (String) command.get(CommandContext.ACTOR);
        String hash = IntegrityChain.hash(lastHash, IntegrityChain.Link.of(event, actor));
        AggregateLifecycle.apply(event, MetaData.with("hash", hash).and("previousHash", lastHash));
    }

    private static long version() {
        Long lastSequenceNumber = AggregateLifecycle.getVersion();
        return lastSequenceNumber == null ? 0 : lastSequenceNumber + 1;
    }
}
