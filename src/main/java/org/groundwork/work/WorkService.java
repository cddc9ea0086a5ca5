package org.groundwork.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Problems;

import java.util.UUID;

/** Works: the pieces of our work, each with what it is for. */
@ApplicationScoped
@Transactional
public class WorkService {

    @Inject
    CurrentOrganizer current;

    /** A work of the caller's team, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Work require(UUID id) {
        Work w = id == null ? null : Work.findById(id);
        if (w == null || !w.teamId.equals(current.teamId())) {
            throw Problems.notFound("work");
        }
        return w;
    }
}
