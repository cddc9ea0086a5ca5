package org.groundwork.platform;

import jakarta.transaction.RollbackException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures ProblemMapper answers with 503 (the database could not be reached) rather
 * than 500, wherever they sit in the cause chain. The kill -9 test in DatabaseOutageTest
 * sees the real ones; this covers the shapes a short outage may not produce.
 */
class DatabaseUnreachableTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreOutages() {
        assertTrue(ProblemMapper.databaseUnreachable(new SQLException("I/O error", "08006")));
        assertTrue(ProblemMapper.databaseUnreachable(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(ProblemMapper.databaseUnreachable(new SQLException("terminating connection", "57P01")));
        assertTrue(ProblemMapper.databaseUnreachable(new SQLException("crash shutdown", "57P02")));
        assertTrue(ProblemMapper.databaseUnreachable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(ProblemMapper.databaseUnreachable(new IllegalStateException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(ProblemMapper.databaseUnreachable(new JDBCConnectionException("gone", new SQLException("x"))));
        assertTrue(ProblemMapper.databaseUnreachable(new RuntimeException(new ConnectException("Connection refused"))));
        SQLException chained = new SQLException("batch failed", "40001");
        chained.setNextException(new SQLException("socket closed", "08006"));
        assertTrue(ProblemMapper.databaseUnreachable(chained));
        RuntimeException suppressing = new RuntimeException("first");
        suppressing.addSuppressed(new SQLException("closed", "08003"));
        assertTrue(ProblemMapper.databaseUnreachable(suppressing));
    }

    @Test
    void aCommitThatDiedIsAnOutageWhoseOutcomeIsUnknown() {
        // Agroal's own words (agroal-narayana's LocalXAResource), which "commit" alone did not find
        XAException xa = new XAException("Error trying to transactionCommit local transaction: An I/O error occurred");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(xa);
        assertTrue(ProblemMapper.databaseUnreachable(rollback));
        assertTrue(ProblemMapper.diedDuringCommit(rollback));
        assertFalse(ProblemMapper.diedDuringCommit(new SQLException("refused", "08001")));
        // a rollback that failed saved nothing
        XAException rolledBack = new XAException("Error trying to transactionRollback local transaction: An I/O error occurred");
        RollbackException failedRollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        failedRollback.initCause(rolledBack);
        assertFalse(ProblemMapper.diedDuringCommit(failedRollback));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMapper.databaseUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMapper.databaseUnreachable(new SQLException("invalid byte sequence", "22021")));
        assertFalse(ProblemMapper.databaseUnreachable(new IllegalStateException("bug")));
        RuntimeException loop = new RuntimeException("loop");
        RuntimeException other = new RuntimeException("other", loop);
        loop.initCause(other);
        assertFalse(ProblemMapper.databaseUnreachable(loop));
    }
}
