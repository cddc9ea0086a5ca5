package org.groundwork.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the reports and the import. The texts are in messages/reports_en.properties and reports_es.properties (docs/i18n.md);
 * templates say {reports:key} or {reports:key(param)}, and Quarkus checks every key and parameter at build
 * time. One bundle holds at most 300 messages (Quarkus 3.33 generates broken code above that).
 */
@MessageBundle(value = "reports", locale = "en")
public interface MsgReports {

    @Message
    String report_time();

    @Message
    String report_movement();

    @Message
    String report_movement_link_rest();

    @Message
    String report_time_link_rest();

    @Message
    String report_period();

    @Message
    String report_from();

    @Message
    String report_to();

    @Message
    String report_show();

    @Message
    String report_shared();

    @Message
    String report_from_to(String from, String to);

    @Message
    String import_title();

    @Message
    String import_intro();

    @Message
    String import_file(String limit);

    @Message
    String import_check_file();

    @Message
    String import_columns();

    @Message
    String import_columns_intro();

    @Message
    String import_name_headers();

    @Message
    String import_email_headers();

    @Message
    String import_phone_headers();

    @Message
    String import_organization_headers();

    @Message
    String import_unit_headers();

    @Message
    String import_level_values();

    @Message
    String import_position_values();

    @Message
    String import_tags_values();

    @Message
    String import_notes_values();

    @Message
    String import_owner_values();

    @Message
    String import_back();

    @Message
    String import_on_match();

    @Message
    String import_leave();

    @Message
    String import_update();

    @Message
    String import_result(int created, int updated, int skipped);

    @Message
    String import_error_lines(int count);

    @Message
    String import_see_contacts();

    @Message
    String import_another();

    @Message
    String import_errors_heading(int count);

    @Message
    String import_line_numbers();

    @Message
    String import_line(long row);

    @Message
    String import_first_listed(int shown);

    @Message
    String import_warnings_listed(int shown, int count);

    @Message
    String import_warnings();

    @Message
    String import_warnings_check();

    @Message
    String import_places();

    @Message
    String import_places_check();

    @Message
    String import_place_organization(String name);

    @Message
    String import_places_listed(int shown, int count);

    @Message
    String import_place_unit(String unit, String organization);

    @Message
    String import_done();

    @Message
    String import_check_title();

    @Message
    String import_if();

    @Message
    String import_nothing_saved();

    @Message
    String import_what_each();

    @Message
    String import_detected(int rows);

    @Message
    String import_columns_caption();

    @Message
    String import_col_in_file();

    @Message
    String import_imported_as();

    @Message
    String import_first_rows();

    @Message
    String import_column();

    @Message
    String import_no_name();

    @Message
    String import_imported_as_column(String header);

    @Message
    String import_not_imported();

    @Message
    String import_empty();

    @Message
    String import_check_again();

    @Message
    String import_not_imported_list();

    @Message
    String import_unnamed_column();

    @Message
    String import_nothing();

    @Message
    String import_n_contacts(int count);

    @Message
    String import_start_over();

    @Message
    String import_short();

    @Message
    String import_stopped();

    @Message
    String import_check_file_again();

    @Message
    String import_importing();

    @Message
    String import_waiting();

    @Message
    String import_rows_read(int expected, int percent);

    @Message
    String import_so_far(int created, int updated, int skipped, int errors);

    @Message
    String import_leave_page();

    @Message
    String import_refresh();

    @Message
    String summary_on_day(String day);

    @Message
    String summary_in_days(String days);

    @Message
    String summary_this_work();

    @Message
    String summary_your_work();

    @Message
    String summary_team_work();

    @Message
    String summary_someones_work(String name);

    @Message
    String summary_you();

    @Message
    String summary_them();

    @Message
    String summary_team_organizers();

    @Message
    String summary_time_none(String when, String who);

    @Message
    String summary_time_none_work(String when, String who);

    @Message
    String summary_time_unrecorded(String when, String subject);

    @Message
    String summary_time_mostly(String when, String subject, String who, String people, String percent);

    /** As many minutes with two levels: no "mostly". */
    @Message
    String summary_time_even(String when, String subject, String who, String people, String others, String percent);

    /** As many minutes with each of the three levels. */
    @Message
    String summary_time_even_all(String when, String subject, String who, String percent);

    @Message
    String summary_time_staff(String percent);

    @Message
    String summary_time_focus(String focus);

    @Message
    String summary_time_not_matching();

    @Message
    String summary_people_new();

    @Message
    String summary_people_less_involved();

    @Message
    String summary_people_cadre();

    @Message
    String summary_focus_bring_in_new();

    @Message
    String summary_focus_deepen_involvement();

    @Message
    String summary_focus_work_with_cadre();

    @Message
    String summary_your_people();

    @Message
    String summary_team_people();

    @Message
    String summary_someones_people(String name);

    @Message
    String summary_moved(String when, String whose, String up, String back);

    @Message
    String summary_once();

    @Message
    String summary_times(String count);

    @Message
    String summary_no_first_action();

    @Message
    String summary_first_timer_followed(String followed);

    @Message
    String summary_first_timers_followed(String followed, String count);

    /** After the first-timers followed: those not yet talked with whose heat window is still open. */
    @Message
    String summary_still_in_window(String count);

    @Message
    String summary_median_hours(long hours);

    @Message
    String summary_overdue_one();

    @Message
    String summary_overdue(String count);

    @Message
    String summary_cooling_one();

    @Message
    String summary_cooling(String count);

    @Message
    String report_totals(String from, String to, String total, String firstTimer);

    @Message
    String report_last_days(String days);

    @Message
    String report_custom();

    @Message
    String report_all_organizers();

    @Message
    String report_all_works();

    @Message
    String report_minutes_of(String level);

    @Message
    String report_no_work();

    @Message
    String report_no_focus();

    @Message
    String report_focus(String focus);

    @Message
    String report_why(String why);

    @Message
    String report_verdict();

    @Message
    String report_total_min();

    @Message
    String report_minutes();

    @Message
    String report_by_work();

    @Message
    String report_by_work_description();

    @Message
    String report_by_work_caption();

    @Message
    String report_by_position();

    @Message
    String report_by_position_description();

    @Message
    String report_by_position_caption();

    @Message
    String report_week_of(String day);

    @Message
    String report_week();

    @Message
    String report_by_week();

    @Message
    String report_by_week_description();

    @Message
    String report_by_week_caption();

    @Message
    String report_no_organization();

    @Message
    String report_no_unit();

    @Message
    String report_unit_shares(String time, String people);

    @Message
    String report_by_unit();

    @Message
    String report_by_unit_description();

    @Message
    String report_by_unit_caption();

    @Message
    String report_organization_unit();

    @Message
    String report_share_people();

    @Message
    String report_share_time();

    @Message
    String report_top_people();

    @Message
    String report_top_people_description(String shown, String count);

    @Message
    String report_top_people_caption();

    @Message
    String report_short_no_focus();

    @Message
    String report_short_no_leveled();

    @Message
    String report_short_matches();

    @Message
    String report_short_not_matching();

    @Message
    String report_verdict_no_work();

    @Message
    String report_verdict_no_leveled();

    @Message
    String report_verdict_matches(String level);

    @Message
    String report_verdict_not_matching(String level);

    @Message
    String movement_between();

    @Message
    String movement_from_to();

    @Message
    String movement_changes();

    @Message
    String movement_who();

    @Message
    String movement_first_timers();

    @Message
    String movement_in_heat();

    @Message
    String movement_still_in_window();

    @Message
    String movement_median();

    @Message
    String movement_after_first();

    @Message
    String movement_figure();

    @Message
    String movement_value();

    @Message
    String movement_count();

    @Message
    String movement_open();

    @Message
    String movement_overdue();

    @Message
    String movement_cooling();

    @Message
    String movement_as_of(String day);

    @Message
    String movement_and_more(String names, String count);

    @Message
    String import_choose_file();

    @Message
    String import_file_empty();

    @Message
    String import_choose_on_match();

    @Message
    String import_result_one(int updated, int skipped);

    @Message
    String import_error_lines_one();

    @Message
    String import_error_lines_left_out(int count);

    @Message
    String import_error_lines_left_out_one();

    @Message
    String import_errors_heading_one();

    @Message
    String import_n_contacts_one();

    @Message
    String import_detected_one();

    @Message
    String import_choices_count(String sent, String columns);

    @Message
    String import_choice_unknown(String column);

    @Message
    String import_choice_unnamed(String column);

    @Message
    String import_one_file();

}
