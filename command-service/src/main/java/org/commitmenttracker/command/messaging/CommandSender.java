package org.commitmenttracker.command.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commitmenttracker.command.commitment.CommitmentRefused;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.service.transaction.CommitOutcomeUnknown;
import org.commitmenttracker.service.transaction.DatabaseFailures;
import org.commitmenttracker.service.web.ApiException;
import org.commitmenttracker.service.web.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Sends a command with its context as metadata, and answers what api.md promises: the
 * first answer again for a repeated Idempotency-Key (claimed by {@link IdempotencyRecorder}
 * inside the command's transaction), a retry on fresh state when another
 * writer changed the commitment at the same moment, and refusals a client can act on.
 */
@Component
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);
    private static final int ATTEMPTS = 10;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final CommandGateway gateway;
    private final ObjectMapper objectMapper;
    private final ReadLocations readLocations;

    CommandSender(CommandGateway gateway, ObjectMapper objectMapper, ReadLocations readLocations) {
        this.gateway = gateway;
        this.objectMapper = objectMapper;
        this.readLocations = readLocations;
    }

    /** Sends a command for an HTTP request that answers 200; {@code request} is the body, which an idempotency key is bound to. */
    public CommandResult send(CommitmentCommand command, Object request, CommandContext context) {
        return send(command, request, context, null).result();
    }

    /**
     * Sends a command for an HTTP request; {@code path} is the command side's path of what it
     * creates (a 201, with the Location where it is read), or null (a 200). A request with an
     * Idempotency-Key seen before gets the first answer again, status and Location included.
     */
    public CommandAnswer send(CommitmentCommand command, Object request, CommandContext context, String path) {
        String location = path == null ? null : readLocations.of(path);
        if (context.idempotencyKey() == null) {
            return CommandAnswer.of(location, send(command, context.metaData()));
        }
        String requestHash = requestHash(context.requestTarget(), request);
        MetaData metaData = context.metaData().and(IdempotencyRecorder.REQUEST_HASH, requestHash);
        if (location != null) {
            metaData = metaData.and(IdempotencyRecorder.ANSWER_LOCATION, location);
        }
        Object outcome = dispatch(command, metaData);
        if (outcome instanceof IdempotencyKeys.Earlier earlier) {
            if (!earlier.requestHash().equals(requestHash)) {
                throw ApiException.unprocessable("Idempotency-Key '" + context.idempotencyKey()
                        + "' was used for another request; use a new key for a new request.");
            }
            return earlier.status() != null
                    ? new CommandAnswer(earlier.status(), earlier.location(), earlier.result())
                    : CommandAnswer.of(location, earlier.result());  // stored before answers kept their status
        }
        return CommandAnswer.of(location, (CommandResult) outcome);
    }

    /** Sends a command the system itself issues (no HTTP request behind it). */
    public CommandResult send(CommitmentCommand command, CommandContext context) {
        return send(command, context.metaData());
    }

    private CommandResult send(CommitmentCommand command, MetaData metaData) {
        return (CommandResult) dispatch(command, metaData);
    }

    /** The command's {@link CommandResult}, or the {@link IdempotencyKeys.Earlier} answer to its key. */
    private Object dispatch(CommitmentCommand command, MetaData metaData) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        for (int attempt = 1; ; attempt++) {
            try {
                Object outcome = gateway.sendAndWait(message);
                if (outcome instanceof CommandResult result) {
                    return new CommandResult(result.commitmentId(), result.version(), List.copyOf(result.eventIds()));
                }
                return outcome;
            } catch (ConcurrencyException | CommandExecutionException e) {
                if (!(cause(e) instanceof ConcurrencyException) || attempt >= ATTEMPTS) {
                    throw translate(command, e);
                }
                // Another writer appended to this commitment first; the next attempt loads its fresh state.
                pause(attempt);
            } catch (RuntimeException e) {
                throw translate(command, e);
            }
        }
    }

    private static Throwable cause(RuntimeException failure) {
        return failure instanceof CommandExecutionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static RuntimeException translate(CommitmentCommand command, RuntimeException failure) {
        Throwable e = cause(failure);
        if (e instanceof CommitmentRefused refused) {
            return switch (refused.reason()) {
                case INVALID -> ApiException.badRequest(refused.getMessage());
                case UNKNOWN -> ApiException.notFound(refused.getMessage());
                case CONFLICT -> ApiException.conflict(refused.getMessage());
                case VERSION_MISMATCH -> ApiException.preconditionFailed(refused.getMessage());
            };
        }
        if (e instanceof AggregateNotFoundException) {
            return ApiException.notFound("Commitment '" + command.commitmentId() + "' does not exist.");
        }
        if (e instanceof AggregateStreamCreationException) {
            return ApiException.conflict("Commitment '" + command.commitmentId() + "' already exists.");
        }
        if (e instanceof ConcurrencyException) {
            return ApiException.conflict("Commitment '" + command.commitmentId()
                    + "' is being changed by many at the same moment; read it again and retry.");
        }
        if (e instanceof CannotAcquireLockException) {
            // Only an idempotency key's claim waits for a lock: the first request with it is still running.
            return ApiException.conflict("A request with this Idempotency-Key is still being processed; "
                    + "send it again shortly to get its answer.");
        }
        CommitOutcomeUnknown unknown = CommitOutcomeUnknown.in(failure);
        if (unknown != null) {
            log.warn("Command {} may or may not be recorded: the database broke off its commit ({})",
                    command.getClass().getSimpleName(), unknown.getCause().toString());
            return RetryLater.outcomeUnknown(
                    "The database went away while this command was being committed, so it may have been recorded. "
                            + "Once the service answers again, send the same request with the same Idempotency-Key "
                            + "to get its answer either way; without a key, read the commitment before sending it again.",
                    RETRY_AFTER);
        }
        if (DatabaseFailures.isUnreachable(e)) {
            log.warn("Command {} not recorded: database unreachable ({})", command.getClass().getSimpleName(), e.toString());
            return RetryLater.busy("The database cannot be reached; nothing was recorded. Try again shortly.", RETRY_AFTER);
        }
        return failure;
    }

    private String requestHash(String requestTarget, Object request) {
        return IntegrityChain.sha256(requestTarget + "\n"
                + IntegrityChain.canonicalJson(objectMapper.valueToTree(request)));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, 2L << attempt) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("The command was interrupted; nothing was recorded.");
        }
    }
}
