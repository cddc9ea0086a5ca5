package org.groundwork.web;

import io.quarkus.qute.TemplateGlobal;
import org.groundwork.contact.ContactQuery;
import org.groundwork.organization.WallChart;

/**
 * The server's limits a page's inputs carry, so that a box stops where the server would refuse:
 * {@code {qMax}} is the {@code maxlength} of every search of contacts (the contacts list, the
 * check-in door, a tie's search); {@code {quietMax}} the {@code max} of the wall chart's "not talked
 * to for" days.
 */
@TemplateGlobal
public final class Limits {

    private Limits() {
    }

    /** The longest search the contacts' search takes ({@link ContactQuery#Q_MAX}). */
    static int qMax() {
        return ContactQuery.Q_MAX;
    }

    /** The most days the wall chart's "not talked to for" takes ({@link WallChart#QUIET_MAX}). */
    static int quietMax() {
        return WallChart.QUIET_MAX;
    }
}
