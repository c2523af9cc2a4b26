package org.commitmenttracker.command.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.List;

/**
 * Makes a command sent with an Idempotency-Key run at most once. Inside the command's
 * transaction it first claims the key: a request that finds an earlier answer returns that
 * (an {@link IdempotencyKeys.Earlier}) without handling the command, and one that arrives
 * while the first is running waits for it. Otherwise the command runs and its answer is
 * stored in the transaction that appends its events: both are stored or neither. Storing runs
 * when the unit of work prepares its commit, after the events are published, so the answer
 * holds their ids.
 */
final class IdempotencyRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String REQUEST_HASH = "requestHash";
    /** Where the command's answer says its creation can be read; absent for a 200. */
    static final String ANSWER_LOCATION = "answerLocation";

    private final IdempotencyKeys keys;
    private final Duration patience;

    IdempotencyRecorder(IdempotencyKeys keys, Duration patience) {
        this.keys = keys;
        this.patience = patience;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        String key = (String) metaData.get(CommandContext.IDEMPOTENCY_KEY);
        String requestHash = (String) metaData.get(REQUEST_HASH);
        if (key == null || requestHash == null) {
            return chain.proceed();
        }
        String actor = (String) metaData.get(CommandContext.ACTOR);
        var earlier = keys.claim(actor, key, patience);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Object result = chain.proceed();
        if (result instanceof CommandResult answer) {
            String location = (String) metaData.get(ANSWER_LOCATION);
            unitOfWork.onPrepareCommit(u -> keys.remember(actor, key, requestHash, CommandAnswer.of(location,
                    new CommandResult(answer.commitmentId(), answer.version(), List.copyOf(answer.eventIds())))));
        }
        return result;
    }
}
