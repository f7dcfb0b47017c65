package fr.ent.portal.view.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.ejb.EJBException;
import jakarta.faces.FacesException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.servlet.ServletException;
import jakarta.transaction.SystemException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionDeepInsideFacesAndEjbIsAnOutage() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertTrue(DatabaseOutage.causedBy(new ServletException(new FacesException(new EJBException(
                new PersistenceException(lost))))));
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException(new SQLTransientConnectionException("refused"))));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsAnOutage() {
        SQLException allocation = new SQLException("Error in allocating a connection", null,
                new ResourceException("Connection could not be allocated"));
        assertTrue(DatabaseOutage.causedBy(new EJBException(allocation)));
        SQLException chained = new SQLException("batch failed");
        chained.setNextException(new SQLException("connection refused", "08001"));
        assertTrue(DatabaseOutage.causedBy(chained));
        SystemException commitFailed = new SystemException();
        commitFailed.initCause(new XAException("jakarta.resource.spi.LocalTransactionException: An I/O error occurred"));
        assertTrue(DatabaseOutage.causedBy(new EJBException("Unable to complete container-managed transaction.",
                commitFailed)), "a commit the database did not acknowledge");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.causedBy(new EJBException(new PersistenceException(
                new SQLException("duplicate key value", "23505")))));
        assertFalse(DatabaseOutage.causedBy(new ServletException(new NullPointerException())));
        IllegalStateException looped = new IllegalStateException("a");
        RuntimeException other = new RuntimeException(looped);
        looped.initCause(other);
        assertFalse(DatabaseOutage.causedBy(looped), "a cause cycle ends");
    }
}
