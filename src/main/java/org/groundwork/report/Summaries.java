package org.groundwork.report;

import org.groundwork.report.ReportJson.Timeliness;
import org.groundwork.report.ReportJson.Transition;
import org.groundwork.report.ReportService.Scope;
import org.groundwork.work.Work;

import java.util.List;
import java.util.Map;

/** The one plain sentence on top of each report. */
final class Summaries {

    private Summaries() {
    }

    static String time(Period period, Scope scope, Work work, double total,
                       Map<String, Double> byLevel, Map<String, Double> byPosition) {
        String when = period.days() == 1 ? "On " + period.from() : "In these " + period.days() + " days";
        String subject = work != null ? "this work"
                : scope.self() ? "your work" : scope.team() ? "the team's work" : scope.name() + "'s work";
        String object = scope.self() ? "you" : scope.team() ? "the team's organizers" : scope.name();
        if (total <= 0) {
            return when + " no time is recorded for " + object + (work != null ? " on this work." : ".");
        }
        String dominant = TimeReports.dominant(byLevel);
        StringBuilder s = new StringBuilder(when).append(' ').append(subject);
        if (dominant == null) {
            s.append(" went to actions where no one was recorded");
        } else {
            s.append(" put ").append(object).append(" mostly with ").append(people(dominant))
                    .append(" (").append(percent(byLevel.get(dominant), total)).append("%)");
            double staffAndOfficers = byPosition.getOrDefault("staff", 0.0) + byPosition.getOrDefault("officer", 0.0);
            if (staffAndOfficers > 0) {
                s.append(", and with staff and officers for ").append(percent(staffAndOfficers, total))
                        .append("% of the time");
            }
        }
        if (work != null) {
            String focus = work.focus.word();
            s.append("; its focus is ").append(focus(focus));
            if (dominant != null && !TimeReports.matches(focus, dominant)) {
                s.append(", not where most of its time went");
            }
        }
        return s.append('.').toString();
    }

    static String movement(Period period, Scope scope, List<Transition> transitions, Timeliness timeliness,
                           int overdue, int cooling) {
        String when = period.days() == 1 ? "On " + period.from() : "In these " + period.days() + " days";
        String whose = scope.self() ? "your people" : scope.team() ? "the team's people" : scope.name() + "'s people";
        int up = 0;
        int back = 0;
        for (Transition t : transitions) {
            if (rank(t.to()) > rank(t.from())) {
                up += t.count();
            } else {
                back += t.count();
            }
        }
        StringBuilder s = new StringBuilder(when).append(' ').append(whose).append(" moved up a level ")
                .append(times(up)).append(" and back ").append(times(back)).append("; ");
        if (timeliness.firstTimers() == 0) {
            s.append("no one came to their first action");
        } else {
            s.append(timeliness.followedUpInTime()).append(" of ").append(timeliness.firstTimers())
                    .append(timeliness.firstTimers() == 1 ? " first-timer" : " first-timers")
                    .append(" got a conversation within the heat window");
            if (timeliness.medianHours() != null) {
                s.append(" (median ").append(Math.round(timeliness.medianHours())).append(" hours after the action)");
            }
        }
        s.append("; ").append(overdue).append(overdue == 1 ? " follow-up is" : " follow-ups are").append(" overdue and ")
                .append(cooling).append(cooling == 1 ? " person is" : " people are").append(" cooling.");
        return s.toString();
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private static int rank(String level) {
        return TimeReports.LEVELS.indexOf(level);
    }

    private static String people(String level) {
        return switch (level) {
            case "new" -> "new people";
            case "less-involved" -> "less-involved people";
            default -> "cadre";
        };
    }

    private static String focus(String focus) {
        return switch (focus) {
            case "bring-in-new" -> "bringing in new people";
            case "deepen-involvement" -> "deepening less-involved people's involvement";
            default -> "working with cadre";
        };
    }

    private static long percent(double part, double total) {
        return Math.round(100 * part / total);
    }
}
