package org.groundwork.work;

import org.groundwork.platform.TeamScoped;

import jakarta.enterprise.context.ApplicationScoped;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.audit.Before;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patch;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Text;
import org.groundwork.platform.UniqueNames;
import org.groundwork.platform.Versioned;
import org.groundwork.work.WorkJson.NewWork;
import org.groundwork.work.WorkJson.WorkChange;
import org.groundwork.work.WorkJson.WorkView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.groundwork.platform.Text.blankToNull;
import static org.groundwork.platform.Patch.required;

/** Works: the pieces of our work, each with what it is for. */
@ApplicationScoped
@Transactional
public class WorkService {

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    Audit audit;

    /** A work of the caller's team, or 404: for other services, which need to know it is the team's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkView require(UUID id) {
        return WorkView.of(load(id));
    }

    /** One work with its version, for a page's form or the API's ETag. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<WorkView> find(UUID id) {
        return stored(load(id));
    }

    Work load(UUID id) {
        return TeamScoped.require(Work.class, id, "work");
    }

    /** A work's name's most characters (WorkJson's @Size, the column's check). */
    private static final int NAME = 200;

    /**
     * The name, when no other work of the team has it (case and surrounding spaces aside, compared
     * by PostgreSQL as V28_11's index compares: Java's lower case differs for some letters); else 409.
     */
    private String free(String name, UUID self) {
        boolean taken = Work.count("teamId = ?1 and lower(trim(name)) = lower(?2) and id <> ?3", current.teamId(),
                name, self == null ? new UUID(0, 0) : self) > 0;
        if (taken) {
            throw taken(name);
        }
        return name;
    }

    private static ProblemException taken(String name) {
        return Problems.conflict("Your team already has a work named '" + name + "'");
    }

    private static Versioned<WorkView> stored(Work w) {
        return new Versioned<>(WorkView.of(w), w.version);
    }

    /** The team's works in creation order (ids are time-ordered), optionally only active or inactive ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WorkView> list(Boolean onlyActive, int limit, String cursor) {
        int n = Page.limit(limit);
        Cursor.List cursors = Cursor.of(current.teamId(), "works", onlyActive);
        UUID after = cursors.id(cursor);
        String query = "teamId = ?1 and id > ?2" + (onlyActive == null ? "" : " and active = ?3") + " order by id";
        Object[] params = onlyActive == null
                ? new Object[]{current.teamId(), after == null ? new UUID(0, 0) : after}
                : new Object[]{current.teamId(), after == null ? new UUID(0, 0) : after, onlyActive};
        List<Work> rows = Work.find(query, params).range(0, n).list();
        return Page.of(rows, n, w -> cursors.of(w.id)).map(WorkView::of);
    }

    public Versioned<WorkView> create(@NotNull @Valid NewWork request) {
        Work w = new Work();
        w.teamId = current.teamId();
        // read as every other name is (Text.name): a no-break space pasted made a second work of the same look, and a
        // zero-width space alone a work whose name shows nothing (the walk)
        w.name = free(Text.name("name", request.name(), NAME), null);
        w.focus = request.focus();
        w.mode = request.mode() == null ? Mode.BUILDING : request.mode();
        w.justification = blankToNull(request.justification());
        w.active = request.active() == null || request.active();
        w.persist();
        audit.record(AuditKind.CREATED, AuditEntity.WORK, w.id);
        UniqueNames.flush(em, "work_name_key", () -> taken(w.name));
        return stored(w);
    }

    public Versioned<WorkView> change(UUID id, Patch<WorkChange> patch, String ifMatch) {
        Work w = load(id);
        ETags.check(ifMatch, w.version);
        Before before = audit.before(w, WorkChange.class);
        WorkChange c = patch.value();
        // a name sent back as stored passes as it is: one V28_22 kept (cleaning would have left nothing that shows)
        // must not stop a change of the focus or the work's end
        if (patch.has("name") && !required(c.name(), "name").equals(w.name)) {
            w.name = free(Text.name("name", c.name(), NAME), w.id);
        }
        if (patch.has("focus")) {
            w.focus = required(c.focus(), "focus");
        }
        if (patch.has("mode")) {
            w.mode = required(c.mode(), "mode");
        }
        if (patch.has("justification")) {
            w.justification = blankToNull(c.justification());
        }
        if (patch.has("active")) {
            w.active = required(c.active(), "active");
        }
        // a save that changed nothing writes nothing: no event, the same time and version
        if (!audit.changed(AuditKind.CHANGED, AuditEntity.WORK, w.id, before).isEmpty()) {
            w.updatedAt = Instant.now();
        }
        UniqueNames.flush(em, "work_name_key", () -> taken(w.name));
        return stored(w);
    }

}
