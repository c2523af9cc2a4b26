package org.commitmenttracker.command.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds the {@link CommandResult} of a command: the aggregate's handler answers the version
 * (or, for a harmless repeat, the {@link Repeat} of the first answer), and the ids of the events it applied are collected as they are published. Axon publishes
 * them when the unit of work prepares its commit, after the handler has returned, so the list
 * fills up before the sender reads it and {@link CommandSender} freezes it.
 */
final class CommandOutcome implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String EVENT_IDS = CommandOutcome.class.getName() + ".eventIds";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        List<String> eventIds = new ArrayList<>();
        unitOfWork.resources().put(EVENT_IDS, eventIds);
        Object answer = chain.proceed();
        CommitmentCommand command = (CommitmentCommand) unitOfWork.getMessage().getPayload();
        if (answer instanceof Repeat repeat) {
            return new CommandResult(command.commitmentId(), repeat.version(), List.of(repeat.eventId()));
        }
        return new CommandResult(command.commitmentId(), ((Number) answer).longValue(), eventIds);
    }

    /** Notes the id of each event applied while a command is handled. */
    static MessageDispatchInterceptor<EventMessage<?>> eventIdCollector() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    CurrentUnitOfWork.ifStarted(unitOfWork -> {
                        List<String> eventIds = unitOfWork.root().getResource(EVENT_IDS);
                        if (eventIds != null) {
                            eventIds.add(event.getIdentifier());
                        }
                    });
                    return event;
                };
            }
        };
    }
}
