package org.groundwork.report;

import org.groundwork.platform.TeamScoped;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Organizer;
import org.groundwork.organizer.Role;
import org.groundwork.organizer.Team;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.NotNull;
import org.groundwork.web.MsgReports;
import org.groundwork.platform.Problems;
import org.groundwork.report.ReportJson.Glance;
import org.groundwork.report.ReportJson.MovementReport;
import org.groundwork.report.ReportJson.Transition;
import org.groundwork.report.ReportJson.TimeReport;
import org.groundwork.contact.Level;
import org.groundwork.work.Work;
import org.groundwork.platform.BusinessMetrics;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reports: checks the period, who may see whose figures, and which work; the SQL lives in
 * {@link TimeReports} and {@link MovementReports}. Reads only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    /** A team's 90 days touch tens of thousands of people; the report lists the first ones. */
    static final int PEOPLE_MAX = 100;
    static final int TRANSITION_PEOPLE_MAX = 100;
    /** Today's glance: "this week" as the last seven days, so a Monday morning is not empty. */
    static final int GLANCE_DAYS = 7;

    @Inject
    CurrentOrganizer current;
    @Inject
    TimeReports timeReports;
    @Inject
    MovementReports movementReports;
    @Inject
    BusinessMetrics metrics;

    /** A read, in a transaction of its own only so that TimeReports can SET LOCAL its memory. */
    @Transactional(Transactional.TxType.REQUIRED)
    public TimeReport time(@NotNull ReportQuery query) {
        Team team = current.team();
        Period period = Period.of(query.from(), query.to(), team.zone());
        Scope scope = scope(query);
        Work w = TeamScoped.filtering(Work.class, query.work(), "work", "work");
        long started = System.nanoTime();
        TimeReport report = timeReports.report(team, period, scope, w);
        metrics.reported("time", java.time.Duration.ofNanos(System.nanoTime() - started));
        return report;
    }

    /** The movement report; a work in the query is not one of its filters. */
    public MovementReport movement(@NotNull ReportQuery query) {
        Team team = current.team();
        Period period = Period.of(query.from(), query.to(), team.zone());
        Scope scope = scope(query);
        long started = System.nanoTime();
        MovementReport report = movementReports.report(team, period, scope);
        metrics.reported("movement", java.time.Duration.ofNanos(System.nanoTime() - started));
        return report;
    }

    /** The time report's sentence in the given words: the report names its work and organizer by id. */
    String summary(TimeReport report, MsgReports words) {
        Work work = report.workId() == null ? null : TeamScoped.find(Work.class, report.workId()).orElse(null);
        return Summaries.time(new Period(report.from(), report.to(), null, null), named(report.organizer()), work,
                report.totalMinutes(), report.byLevel(), report.byPosition(), words, org.groundwork.web.Labels::day);
    }

    String summary(MovementReport report, MsgReports words) {
        return Summaries.movement(new Period(report.from(), report.to(), null, null), named(report.organizer()),
                report.transitions(), report.timeliness(), (int) report.followUps().overdue(), (int) report.cooling(),
                words, org.groundwork.web.Labels::day);
    }

    /** Whose report it is, as the report names it ("all", an organizer's id), for its sentence. */
    private Scope named(String organizer) {
        if ("all".equals(organizer)) {
            return new Scope(null, false, null);
        }
        UUID id = UUID.fromString(organizer);
        if (id.equals(current.id())) {
            return new Scope(id, true, null);
        }
        return new Scope(id, false, TeamScoped.find(Organizer.class, id).map(o -> o.displayName).orElse(""));
    }

    /** Someone the report can be asked about, or a work it can be narrowed to. */
    public record Choice(UUID id, String name) {
    }

    /** The team's other organizers by name, for those who may see their figures (coordinators and admins). */
    List<Choice> otherOrganizers() {
        if (!current.has(Role.COORDINATOR)) {
            return List.of();
        }
        return Organizer.<Organizer>list("teamId", Sort.by("displayName"), current.teamId()).stream()
                .filter(o -> !o.id.equals(current.id())).map(o -> new Choice(o.id, o.displayName)).toList();
    }

    /** The team's works by name. */
    List<Choice> works() {
        return Work.<Work>list("teamId", Sort.by("name"), current.teamId()).stream()
                .map(w -> new Choice(w.id, w.name)).toList();
    }

    /**
     * Today's glance at the caller's last seven days (today included, in the team's zone): the
     * time report's statement for the minutes by level, and the movement report's statements for
     * the rest, so each figure follows the very rule its report follows.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Glance glance() {
        Team team = current.team();
        LocalDate today = LocalDate.now(team.zone());
        Period period = Period.parse(today.minusDays(GLANCE_DAYS - 1L).toString(), today.toString(), team.zone());
        Scope me = new Scope(current.id(), true, null);
        TimeReports.Levels mine = timeReports.byLevel(team, period, me);
        Map<String, Double> byLevel = mine.byLevel();
        double minutes = mine.total();
        double closeToBase = byLevel.get(Level.NEW.word()) + byLevel.get(Level.LESS_INVOLVED.word());
        MovementReport movement = movementReports.report(team, period, me);
        // a person who moved twice in the week (new, then cadre) is one person moved up
        Set<UUID> movedUp = new HashSet<>();
        int unlisted = 0;
        for (Transition t : movement.transitions()) {
            if (TimeReports.LEVELS.indexOf(t.to()) > TimeReports.LEVELS.indexOf(t.from())) {
                t.people().forEach(p -> movedUp.add(p.contactId()));
                unlisted += t.peopleCount() - t.people().size();
            }
        }
        return new Glance(period.from(), period.to(), Math.round(minutes), Math.round(closeToBase),
                minutes > 0 ? (int) Math.round(100 * closeToBase / minutes) : null,
                movement.timeliness().firstTimers(), movement.timeliness().followedUpInTime(),
                movement.timeliness().stillInWindow(), movedUp.size() + unlisted, movement.cooling());
    }

    /**
     * Whose figures: the caller's by default; "all" (the team) or another organizer's only for
     * coordinators and admins. An unknown or other team's organizer is a 400 on {@code organizer}, as a filter's
     * value is (TeamScoped.filtering), checked first.
     */
    private Scope scope(ReportQuery query) {
        if (query.wholeTeam()) {
            if (!current.has(Role.COORDINATOR)) {
                throw Problems.forbidden("Only coordinators and admins see the whole team's report");
            }
            return new Scope(null, false, null);
        }
        if (query.organizer() == null) {
            return new Scope(current.id(), true, null);
        }
        Organizer o = TeamScoped.filtering(Organizer.class, query.organizer(), "organizer", "organizer");
        boolean self = o.id.equals(current.id());
        if (!self && !current.has(Role.COORDINATOR)) {
            throw Problems.forbidden("Only coordinators and admins see another organizer's report");
        }
        return new Scope(o.id, self, self ? null : o.displayName);
    }

    /** organizerId null: the whole team. name: how the summary names someone else. */
    record Scope(UUID organizerId, boolean self, String name) {
        boolean team() {
            return organizerId == null;
        }

        String word() {
            return organizerId == null ? "all" : organizerId.toString();
        }
    }
}
