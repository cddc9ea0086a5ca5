package org.groundwork.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words every page shares: layout, navigation, fields, form messages, enum words, login and errors. The texts are in messages/msg_en.properties and msg_es.properties (docs/i18n.md);
 * templates say {msg:key} or {msg:key(param)}, and Quarkus checks every key and parameter at build
 * time. One bundle holds at most 300 messages (Quarkus 3.33 generates broken code above that).
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message
    String lang();

    @Message
    String app_name();

    @Message
    String layout_description();

    @Message
    String layout_skip();

    @Message
    String nav_label();

    @Message
    String nav_today();

    @Message
    String nav_contacts();

    @Message
    String nav_actions();

    @Message
    String nav_works();

    @Message
    String nav_organizations();

    @Message
    String nav_reports();

    @Message
    String nav_organizers();

    @Message
    String nav_settings();

    @Message
    String nav_logout();

    @Message
    String field_email();

    @Message
    String field_password();

    @Message
    String field_password_new();

    @Message
    String field_team_name();

    @Message
    String field_your_name();

    @Message
    String field_time_zone();

    @Message
    String login_title();

    @Message
    String login_submit();

    @Message
    String login_not_set_up();

    @Message
    String login_not_set_up_link();

    @Message
    String login_wait_one();

    @Message
    String login_wait(long minutes);

    @Message
    String login_wrong();

    @Message
    String login_ended();

    @Message
    String login_out();

    @Message
    String login_unsaved();

    @Message
    String login_changed();

    @Message
    String login_created();

    @Message
    String login_set_up_already();

    @Message
    String code_title();

    @Message
    String code_intro();

    @Message
    String code_label();

    @Message
    String code_cancel();

    @Message
    String setup_title();

    @Message
    String setup_intro();

    @Message
    String setup_submit();

    @Message
    String csrf_title();

    @Message
    String csrf_heading();

    @Message
    String csrf_explain();

    @Message
    String csrf_back();

    @Message
    String csrf_back_rest();

    @Message
    String csrf_typed_heading();

    @Message
    String csrf_typed_explain();

    @Message
    String csrf_typed_label(int number);

    @Message
    String error_title(int status);

    @Message
    String error_explain(int status);

    @Message
    String error_reference(String reference);

    @Message
    String error_back();

    @Message
    String error_back_today();

    @Message
    String chart_empty();

    @Message
    String chart_table_beside();

    @Message
    String chart_legend();

    @Message
    String table_empty();

    @Message
    String minutes_short(String minutes);

    @Message
    String word_level_new();

    @Message
    String word_level_less_involved();

    @Message
    String word_level_cadre();

    @Message
    String word_position_base();

    @Message
    String word_position_officer();

    @Message
    String word_position_staff();

    @Message
    String word_position_ally();

    @Message
    String word_position_political_group();

    @Message
    String word_role_organizer();

    @Message
    String word_role_coordinator();

    @Message
    String word_role_admin();

    @Message
    String word_language_en();

    @Message
    String word_language_es();

    @Message
    String word_mode_building();

    @Message
    String word_mode_support();

    @Message
    String word_focus_bring_in_new();

    @Message
    String word_focus_deepen_involvement();

    @Message
    String word_focus_work_with_cadre();

    @Message
    String word_follow_up_reason_after_action();

    @Message
    String word_follow_up_reason_next_step();

    @Message
    String word_follow_up_reason_keep_in_touch();

    @Message
    String word_follow_up_reason_other();

    @Message
    String word_follow_up_status_open();

    @Message
    String word_follow_up_status_done();

    @Message
    String word_follow_up_status_dropped();

    @Message
    String word_tie_kind_close();

    @Message
    String word_tie_kind_family();

    @Message
    String word_tie_kind_neighbour();

    @Message
    String word_tie_kind_listens_to();

    @Message
    String word_channel_in_person();

    @Message
    String word_channel_house_visit();

    @Message
    String word_channel_phone();

    @Message
    String word_channel_video();

    @Message
    String word_channel_text();

    @Message
    String word_channel_at_action();

    @Message
    String word_action_kind_picket();

    @Message
    String word_action_kind_march();

    @Message
    String word_action_kind_strike();

    @Message
    String word_action_kind_meeting();

    @Message
    String word_action_kind_rally();

    @Message
    String word_action_kind_training();

    @Message
    String word_action_kind_canvass();

    @Message
    String word_action_kind_other();

    @Message
    String word_organization_kind_workplace();

    @Message
    String word_organization_kind_union();

    @Message
    String word_organization_kind_building();

    @Message
    String word_organization_kind_tenant_association();

    @Message
    String word_organization_kind_school();

    @Message
    String word_organization_kind_community();

    @Message
    String word_organization_kind_other();

    @Message
    String word_unit_kind_department();

    @Message
    String word_unit_kind_floor();

    @Message
    String word_unit_kind_building();

    @Message
    String word_unit_kind_shift();

    @Message
    String word_unit_kind_area();

    @Message
    String word_unit_kind_other();

    @Message
    String word_audit_kind_created();

    @Message
    String word_audit_kind_changed();

    @Message
    String word_audit_kind_deleted();

    @Message
    String word_audit_kind_erased();

    @Message
    String word_audit_kind_level_changed();

    @Message
    String word_audit_kind_attendance_changed();

    @Message
    String word_audit_kind_role_changed();

    @Message
    String word_audit_kind_exported();

    @Message
    String word_audit_kind_imported();

    @Message
    String word_audit_kind_revoked();

    @Message
    String word_audit_kind_login();

    @Message
    String word_audit_kind_login_failed();

    @Message
    String word_audit_kind_login_throttled();

    @Message
    String word_audit_kind_logout();

    @Message
    String word_audit_kind_password_changed();

    @Message
    String word_audit_kind_two_factor_enabled();

    @Message
    String word_audit_kind_two_factor_reset();

    @Message
    String word_audit_entity_contact();

    @Message
    String word_audit_entity_conversation();

    @Message
    String word_audit_entity_follow_up();

    @Message
    String word_audit_entity_work();

    @Message
    String word_audit_entity_action();

    @Message
    String word_audit_entity_organization();

    @Message
    String word_audit_entity_organizer();

    @Message
    String word_audit_entity_team();

    @Message
    String word_audit_entity_token();

    @Message
    String word_audit_entity_session();

    @Message
    String word_audit_entity_level_change();

    @Message
    String word_chart_one_to_one();

    @Message
    String word_chart_group();

    @Message
    String word_chart_minutes();

    @Message
    String word_chart_unrecorded();

    @Message
    String form_fill_in();

    @Message
    String form_choose_one();

    @Message
    String form_choose_from_list();

    @Message
    String form_at_least(String value);

    @Message
    String form_at_most(String value);

    @Message
    String form_list_item(String n, String message);

    @Message
    String form_between(String min, String max);

    @Message
    String form_positive();

    @Message
    String form_positive_or_zero();

    @Message
    String form_email();

    @Message
    String form_phone();

    @Message
    String form_past();

    @Message
    String form_future();

    @Message
    String form_pattern();

    @Message
    String form_at_least_characters(String min, String has);

    @Message
    String form_at_most_characters(String max, String has);

    @Message
    String form_between_characters(String min, String max, String has);

    @Message
    String form_already_at_level(String level);

    @Message
    String form_not_before_from();

    @Message
    String form_date();

    @Message
    String form_today_or_later();

    @Message
    String form_within_ten_years();

    @Message
    String form_on_or_after_conversation();

    @Message
    String form_password_guessable();

    @Message
    String form_control_characters();

    @Message
    String form_true_or_false();

    @Message
    String form_not_current_password();

    @Message
    String form_whole_number();

    @Message
    String form_date_range();

    @Message
    String form_date_time();

    @Message
    String form_date_time_skipped(String from, String to);

    @Message
    String form_key_bad();

    @Message
    String form_sent_before();

    @Message
    String form_sent_before_open();

    @Message
    String form_erased_since();

    @Message
    String form_erased_title();

    @Message
    String form_erased_meanwhile();

    @Message
    String form_erased_typed();

    @Message
    String form_deleted_title();

    @Message
    String form_deleted_meanwhile();

    @Message
    String form_saved_already();

    @Message
    String form_changed_meanwhile();

    @Message
    String form_changed_meanwhile_kept();

    @Message
    String form_you_typed();

    @Message
    String form_empty();

    @Message
    String form_ticked();

    @Message
    String form_not_ticked();

    @Message
    String days(int count);

    @Message
    String field_phone();

    @Message
    String none();

    @Message
    String field_organization();

    @Message
    String field_tags();

    @Message
    String field_last_talked();

    @Message
    String never();

    @Message
    String field_notes();

    @Message
    String remove();

    @Message
    String field_note_optional();

    @Message
    String none_capital();

    @Message
    String field_reason();

    @Message
    String older();

    @Message
    String field_full_name();

    @Message
    String field_engagement_level();

    @Message
    String field_position();

    @Message
    String field_owner();

    @Message
    String field_tags_comma();

    @Message
    String none_option();

    @Message
    String cancel();

    @Message
    String field_summary();

    @Message
    String field_when();

    /**
     * Beside the label of a field the form cannot go without, "(required)": shown to the eye, hidden
     * from screen readers, which say the input's own {@code required} instead.
     */
    @Message
    String field_required_mark();

    @Message
    String field_duration();

    @Message
    String field_channel();

    @Message
    String field_work();

    @Message
    String field_due_date();

    @Message
    String field_purpose();

    @Message
    String field_title();

    @Message
    String field_kind();

    @Message
    String field_starts_at();

    @Message
    String field_location();

    @Message
    String search();

    @Message
    String field_name();

    @Message
    String field_level();

    @Message
    String save();

    @Message
    String field_organizer();

    @Message
    String yes_no();

    @Message
    String no();

    @Message
    String days_ago(Integer days);

    @Message
    String field_role();

    @Message
    String field_first_password();

    @Message
    String word_import_field_fullName();

    @Message
    String word_import_field_firstName();

    @Message
    String word_import_field_middleName();

    @Message
    String word_import_field_lastName();

    @Message
    String word_import_field_email();

    @Message
    String word_import_field_phone();

    @Message
    String word_import_field_organization();

    @Message
    String word_import_field_unit();

    @Message
    String word_import_field_position();

    @Message
    String word_import_field_level();

    @Message
    String word_import_field_tags();

    @Message
    String word_import_field_notes();

    @Message
    String word_import_field_note();

    @Message
    String word_import_field_owner();

    @Message
    String word_import_field_doNotContact();

    @Message
    String word_import_field_ignore();

    @Message
    String nav_more();

    @Message
    String nav_more_pages();

}
