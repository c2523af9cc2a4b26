package org.commitmenttracker.command.messaging;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commitmenttracker.command.commitment.CommitmentRefused;
import org.commitmenttracker.service.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Sends a command with its context as metadata and turns the aggregate's refusals and the
 * event store's failures into answers a client can act on.
 */
@Component
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandResult send(CommitmentCommand command, CommandContext context) {
        try {
            CommandResult result = gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(context.metaData()));
            return new CommandResult(result.commitmentId(), result.version(), List.copyOf(result.eventIds()));
        } catch (RuntimeException e) {
            throw translate(command, e);
        }
    }

    private static RuntimeException translate(CommitmentCommand command, RuntimeException failure) {
        Throwable e = failure instanceof CommandExecutionException && failure.getCause() != null ? failure.getCause() : failure;
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
                    + "' was changed by others at the same moment; read it again and retry.");
        }
        if (databaseUnreachable(e)) {
            log.warn("Command {} not recorded: database unreachable ({})", command.getClass().getSimpleName(), e.toString());
            return ApiException.unavailable("The database cannot be reached; nothing was recorded. Try again shortly.");
        }
        return failure;
    }

    private static boolean databaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
