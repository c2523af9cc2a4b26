package org.commitmenttracker.service.transaction;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached (answered 503) from every other failure. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                // 08: connection exceptions; 57P: the server is shutting down, restarting or not yet up
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                // Hikari, when the pool has already evicted the broken connection the statement was on
                return true;
            }
        }
        return false;
    }
}
