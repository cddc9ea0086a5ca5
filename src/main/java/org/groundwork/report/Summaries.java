package org.groundwork.report;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.groundwork.report.ReportJson.Timeliness;
import org.groundwork.report.ReportJson.Transition;
import org.groundwork.report.ReportService.Scope;
import org.groundwork.web.MsgReports;
import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.platform.Word;
import org.groundwork.work.Focus;
import org.groundwork.work.Work;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one plain sentence on top of each report, in the words of a language: the API's is
 * English ({@link #api()}), a page's is in the page's language (ReportPages).
 */
final class Summaries {

    private Summaries() {
    }

    /** The API's words: English whatever the organizer reads pages in. */
    static MsgReports api() {
        return MessageBundles.get(MsgReports.class, Localized.Literal.of("en"));
    }

    static String time(Period period, Scope scope, Work work, double total,
                       Map<String, Double> byLevel, Map<String, Double> byPosition, MsgReports words,
                       Function<LocalDate, String> day) {
        String when = when(period, words, day);
        String subject = work != null ? words.summary_this_work()
                : scope.self() ? words.summary_your_work() : scope.team() ? words.summary_team_work()
                : words.summary_someones_work(scope.name());
        String object = scope.self() ? words.summary_you() : scope.team() ? words.summary_team_organizers() : scope.name();
        if (total <= 0) {
            return work != null ? words.summary_time_none_work(when, object) : words.summary_time_none(when, object);
        }
        String dominant = TimeReports.dominant(byLevel);
        StringBuilder s = new StringBuilder();
        if (dominant == null) {
            s.append(words.summary_time_unrecorded(when, subject));
        } else {
            // another organizer's report: "Chloe Nguyen's work put them", not her name twice (a walk)
            String whom = scope.self() || scope.team() || work != null ? object : words.summary_them();
            // a level with as many minutes as the dominant one (which the earlier level wins): not "mostly" (a walk:
            // "mostly with less-involved people (50%)" beside 50% with cadre)
            List<String> even = TimeReports.LEVELS.stream().filter(l -> !l.equals(dominant))
                    .filter(l -> byLevel.getOrDefault(l, 0.0).equals(byLevel.get(dominant))).toList();
            String share = String.valueOf(percent(byLevel.get(dominant), total));
            s.append(even.isEmpty() ? words.summary_time_mostly(when, subject, whom, people(dominant, words), share)
                    : even.size() == 1 ? words.summary_time_even(when, subject, whom, people(dominant, words),
                            people(even.get(0), words), share)
                    : words.summary_time_even_all(when, subject, whom, share));
            double staffAndOfficers = byPosition.getOrDefault(Position.STAFF.word(), 0.0) + byPosition.getOrDefault(Position.OFFICER.word(), 0.0);
            if (staffAndOfficers > 0) {
                s.append(words.summary_time_staff(String.valueOf(percent(staffAndOfficers, total))));
            }
        }
        if (work != null) {
            String focus = work.focus.word();
            s.append(words.summary_time_focus(focus(work.focus, words)));
            if (dominant != null && !TimeReports.matches(focus, dominant)) {
                s.append(words.summary_time_not_matching());
            }
        }
        return s.append('.').toString();
    }

    static String movement(Period period, Scope scope, List<Transition> transitions, Timeliness timeliness,
                           int overdue, int cooling, MsgReports words, Function<LocalDate, String> day) {
        String whose = scope.self() ? words.summary_your_people() : scope.team() ? words.summary_team_people()
                : words.summary_someones_people(scope.name());
        int up = 0;
        int back = 0;
        for (Transition t : transitions) {
            if (rank(t.to()) > rank(t.from())) {
                up += t.count();
            } else {
                back += t.count();
            }
        }
        StringBuilder s = new StringBuilder(words.summary_moved(when(period, words, day), whose, times(up, words), times(back, words)));
        s.append("; ");
        if (timeliness.firstTimers() == 0) {
            s.append(words.summary_no_first_action());
        } else {
            s.append(timeliness.firstTimers() == 1
                    ? words.summary_first_timer_followed(String.valueOf(timeliness.followedUpInTime()))
                    : words.summary_first_timers_followed(String.valueOf(timeliness.followedUpInTime()),
                            String.valueOf(timeliness.firstTimers())));
            if (timeliness.stillInWindow() > 0) {
                s.append(' ').append(words.summary_still_in_window(String.valueOf(timeliness.stillInWindow())));
            }
            if (timeliness.medianHours() != null) {
                s.append(' ').append(words.summary_median_hours(Math.round(timeliness.medianHours())));
            }
        }
        s.append("; ").append(overdue == 1 ? words.summary_overdue_one() : words.summary_overdue(String.valueOf(overdue)))
                .append(' ').append(cooling == 1 ? words.summary_cooling_one() : words.summary_cooling(String.valueOf(cooling)));
        return s.toString();
    }

    /** day: how a date reads, ISO in the API's answer, the page's way on a page ("Wed 2 Dec 2026"). */
    private static String when(Period period, MsgReports words, Function<LocalDate, String> day) {
        return period.days() == 1 ? words.summary_on_day(day.apply(period.from()))
                : words.summary_in_days(String.valueOf(period.days()));
    }

    private static String times(int n, MsgReports words) {
        return n == 1 ? words.summary_once() : words.summary_times(String.valueOf(n));
    }

    private static int rank(String level) {
        return TimeReports.LEVELS.indexOf(level);
    }

    /** A level's people as a sentence names them ("new people", "cadre"; "gente nueva", "cuadros"). */
    static String people(String level, MsgReports words) {
        return switch (Word.parse(Level.class, level, "level")) {
            case NEW -> words.summary_people_new();
            case LESS_INVOLVED -> words.summary_people_less_involved();
            case CADRE -> words.summary_people_cadre();
        };
    }

    private static String focus(Focus focus, MsgReports words) {
        return switch (focus) {
            case BRING_IN_NEW -> words.summary_focus_bring_in_new();
            case DEEPEN_INVOLVEMENT -> words.summary_focus_deepen_involvement();
            case WORK_WITH_CADRE -> words.summary_focus_work_with_cadre();
        };
    }

    private static long percent(double part, double total) {
        return Math.round(100 * part / total);
    }
}
