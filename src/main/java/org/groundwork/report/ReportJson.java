package org.groundwork.report;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the reports answer. Minutes are numbers and may be fractional (an action's minutes are
 * split over its attendees); they are rounded to two decimals on the way out.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * organizer: the organizer's id, or "all" for the team. people holds the first
     * {@value ReportService#PEOPLE_MAX} people by minutes; peopleCount says how many there were.
     */
    public record TimeReport(
            LocalDate from, LocalDate to, String organizer, UUID workId,
            double totalMinutes,
            Map<String, Double> byLevel,
            Map<String, Double> byPosition,
            Map<String, Double> byKind,
            double firstTimerMinutes,
            List<PersonMinutes> people,
            int peopleCount,
            List<WorkMinutes> works,
            List<WeekMinutes> weeks,
            String summary,
            List<UnitMinutes> byUnit) {
    }

    /**
     * Time by where people sit: one row per unit of every organization (zeros too: the parts of
     * the base the work never reaches are the point), one per organization for its people in no
     * unit (unitId null) and one for people in no organization (both null), those two only when
     * they hold people or minutes. people: live contacts placed there now; minutes: the period's
     * minutes with whoever is placed there now (deleted contacts' minutes stay where they sat).
     * name: the unit's, with its parent's first ("Block A · Floor 2"); null for "no unit".
     */
    public record UnitMinutes(UUID organizationId, String organizationName, UUID unitId, String name,
                              long people, double minutes) {
    }

    /** fullName is null for an erased contact ("deleted contact"): their minutes still count. */
    public record PersonMinutes(UUID contactId, String fullName, boolean erased, double minutes) {
    }

    /**
     * One work's time. workId null: time with no work (focus, mode and verdict then null).
     * dominantLevel: the level that took most of its minutes (null with no leveled minutes).
     */
    public record WorkMinutes(
            UUID workId, String name, String focus, String mode, String justification,
            double totalMinutes,
            Map<String, Double> byLevel,
            Map<String, Double> byPosition,
            String dominantLevel,
            Boolean matchesFocus) {
    }

    /**
     * weekStart: the Monday (team's time zone) the week begins on; totalMinutes is the week's minutes summed as the
     * database gives them and rounded once, as a work's total is (the sum of the rounded levels can be 0.01 off).
     */
    public record WeekMinutes(LocalDate weekStart, Map<String, Double> byLevel, double totalMinutes) {
    }

    public record MovementReport(
            LocalDate from, LocalDate to, String organizer,
            List<Transition> transitions,
            Timeliness timeliness,
            FollowUps followUps,
            int cooling,
            String summary) {
    }

    /**
     * Level changes from one level to another in the period: how many changes, how many people,
     * and the people (most recently moved first, at most {@value ReportService#TRANSITION_PEOPLE_MAX}).
     */
    public record Transition(
            String from, String to,
            int count, int peopleCount,
            List<Person> people) {
    }

    public record Person(UUID contactId, String fullName, boolean erased) {
    }

    /**
     * First-timers whose first action fell in the period, how many had a conversation within
     * the heat window after it, how many of the others still can (their window has not ended: a
     * walk read "1 of 2" as one missed while there was time), and the median hours from the
     * action's start to that conversation.
     */
    public record Timeliness(
            int firstTimers,
            int followedUpInTime,
            int stillInWindow,
            Double medianHours) {
    }

    /**
     * Today's lines for the last seven days, one per test of the draft, each from the report that
     * computes it: the time report's minutes (all, and with new and less-involved people at the
     * time), the movement report's first-timers followed up within the heat window, people who
     * moved up a level and people cooling now. Minutes rounded to whole ones, as pages show them;
     * share: whole percent of the exact minutes, null with no minutes.
     */
    public record Glance(LocalDate from, LocalDate to, long minutes, long newAndLessInvolvedMinutes,
                         Integer share, int firstTimers, int followedUpInTime, int stillInWindow, int movedUp, int cooling) {
    }

    /** Open and overdue follow-ups at the end of the period (or now, when the period has not ended). */
    public record FollowUps(@JsonProperty("asOf") LocalDate asOf, int open, int overdue) {
    }
}
