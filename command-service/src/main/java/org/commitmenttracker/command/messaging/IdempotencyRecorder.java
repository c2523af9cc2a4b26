package org.commitmenttracker.command.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/**
 * Remembers the answer to a command sent with an Idempotency-Key, in the transaction that
 * appends its events: either both are stored or neither. It runs when the unit of work
 * prepares its commit, after the events are published, so the answer holds their ids.
 */
final class IdempotencyRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String REQUEST_HASH = "requestHash";

    private final IdempotencyKeys keys;

    IdempotencyRecorder(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        String key = (String) metaData.get(CommandContext.IDEMPOTENCY_KEY);
        String requestHash = (String) metaData.get(REQUEST_HASH);
        if (key != null && requestHash != null && result instanceof CommandResult answer) {
            String actor = (String) metaData.get(CommandContext.ACTOR);
            unitOfWork.onPrepareCommit(u -> keys.remember(actor, key, requestHash,
                    new CommandResult(answer.commitmentId(), answer.version(), List.copyOf(answer.eventIds()))));
        }
        return result;
    }
}
