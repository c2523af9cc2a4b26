package org.commitmenttracker.query.processing;

import java.util.Locale;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets a processor's transactions commit without waiting for PostgreSQL to flush them to disk
 * ({@code SET LOCAL synchronous_commit TO off}, once per batch, before its first event is
 * applied), where the database would otherwise wait.
 *
 * <p>Only for a read model rebuilt from the event store alone
 * ({@link ReadModelProcessor#committingAsynchronously()}). A database crash may lose the last
 * such commits, up to three times {@code wal_writer_delay}, but never a part of one: the rows and
 * the token that a lost commit wrote are lost together, so the processor applies those events
 * again from its older token, and a projection applies an event once whatever the redelivery
 * ({@link AppliedVersions}). A reader may see a read model step back until then. A later
 * transaction that waits for the disk (the generation switch, any other processor) also makes
 * durable everything committed before it, because PostgreSQL flushes its log in order.
 */
public final class AsynchronousCommit implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String SET = AsynchronousCommit.class.getName();

    private final JdbcClient jdbc;
    private volatile Boolean databaseWaits;

    public AsynchronousCommit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        // A batch is one unit of work over all its events: its resources mark the transaction as set.
        if (databaseWaits() && unitOfWork.root().resources().putIfAbsent(SET, Boolean.TRUE) == null) {
            jdbc.sql("SET LOCAL synchronous_commit TO off").update();
        }
        return interceptorChain.proceed();
    }

    /** Whether the database's commits wait for the disk by default; asked once, in the first batch. */
    private boolean databaseWaits() {
        Boolean waits = databaseWaits;
        if (waits == null) {
            String setting = jdbc.sql("SHOW synchronous_commit").query(String.class).single();
            databaseWaits = waits = !"off".equals(setting.toLowerCase(Locale.ROOT));
        }
        return waits;
    }
}
