package fr.ent.portal.view.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.resource.ResourceException;
import jakarta.servlet.ServletException;

/**
 * Whether a failure comes from the database being out of reach (refused or lost connections, a pool that cannot
 * open one, a commit it did not acknowledge: the transaction manager's only resource is the database), whatever wraps it (Faces, EJB, JTA, Hibernate): such a request deserves "try again in a moment",
 * not "something went wrong".
 */
final class DatabaseOutage {

    /** SQLSTATE class 08: connection exception (SQL standard; PostgreSQL's driver and H2 use it). */
    private static final String CONNECTION_EXCEPTION = "08";
    private static final String HIBERNATE_CONNECTION_FAILURE = "org.hibernate.exception.JDBCConnectionException";

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = failure;
        while (t != null && seen.add(t)) {
            if (isConnectionFailure(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && causedBy(sql.getNextException())) {
                return true;
            }
            t = t instanceof ServletException servlet && servlet.getRootCause() != null ? servlet.getRootCause() : t.getCause();
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        return t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
                || t instanceof ResourceException // the server's pool could not hand out a connection
                || t instanceof XAException // a commit the database did not acknowledge (its one resource)
                || HIBERNATE_CONNECTION_FAILURE.equals(t.getClass().getName());
    }
}
