package org.groundwork.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.postgresql.util.PSQLException;

import java.util.function.Supplier;

/**
 * Names a unique index keeps once per team (an organization's, a work's). The service looks first
 * and says "your team already has ..."; two saves racing for one name both pass that look, and the
 * one that reaches the index second hears the same words here, not the generic conflict (on a page,
 * its form with what was typed instead of the error page).
 */
public final class UniqueNames {

    private UniqueNames() {
    }

    public static void flush(EntityManager em, String index, Supplier<ProblemException> taken) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the server's own field, not Hibernate's reading of its message, which is in the server's language
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PSQLException p && p.getServerErrorMessage() != null
                        && "23505".equals(p.getSQLState()) && index.equals(p.getServerErrorMessage().getConstraint())) {
                    throw taken.get();
                }
            }
            throw e;
        }
    }
}
