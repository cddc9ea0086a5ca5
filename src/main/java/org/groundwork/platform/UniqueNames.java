package org.groundwork.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

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
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException c && index.equalsIgnoreCase(c.getConstraintName())) {
                    throw taken.get();
                }
            }
            throw e;
        }
    }
}
