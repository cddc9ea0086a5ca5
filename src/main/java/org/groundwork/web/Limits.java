package org.groundwork.web;

import io.quarkus.qute.TemplateGlobal;
import org.groundwork.contact.ContactQuery;

/**
 * The server's limits a page's inputs carry, so that a box stops where the server would refuse:
 * {@code {qMax}} is the {@code maxlength} of every search of contacts (the contacts list, the
 * check-in door, a tie's search).
 */
@TemplateGlobal
public final class Limits {

    private Limits() {
    }

    /** The longest search the contacts' search takes ({@link ContactQuery#Q_MAX}). */
    static int qMax() {
        return ContactQuery.Q_MAX;
    }
}
