package org.groundwork.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word a page shows, by key: the texts are in messages/msg_en.properties and msg_es.properties
 * (docs/i18n.md). Templates say {msg:key} or {msg:key(param)}; Quarkus checks every key and
 * parameter at build time. Page resources that word something in Java use PageLanguage.msg().
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
    String login_changed();

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
    String error_title(int status);

    @Message
    String error_explain(int status);

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
    String log_conversation();

    @Message
    String with_name(String name);

    @Message
    String last_talked(String day);

    @Message
    String never_talked();

    @Message
    String queue_due(String day);

    @Message
    String queue_done();

    @Message
    String queue_drop();

    @Message
    String queue_new_date();

    @Message
    String queue_reschedule();

    @Message
    String queue_past();

    @Message
    String today_heat(int count);

    @Message
    String today_heat_none();

    @Message
    String today_overdue(int count);

    @Message
    String today_overdue_none();

    @Message
    String today_due(int count);

    @Message
    String today_due_none();

    @Message
    String today_upcoming(int count);

    @Message
    String today_upcoming_none();

    @Message
    String today_cooling(int count);

    @Message
    String today_cooling_none();

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
    String word_chart_one_to_one();

    @Message
    String word_chart_group();

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
    String form_between(String min, String max);

    @Message
    String form_positive();

    @Message
    String form_positive_or_zero();

    @Message
    String form_email();

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
    String days(int count);

    @Message
    String settings_language();

    @Message
    String settings_language_label();

    @Message
    String settings_language_save();

    @Message
    String settings_sessions();

    @Message
    String settings_sessions_intro();

    @Message
    String settings_this_device();

    @Message
    String settings_session_times(String createdAt, String lastSeenAt);

    @Message
    String settings_end_all();

    @Message
    String settings_two_factor();

    @Message
    String settings_two_factor_required();

    @Message
    String settings_two_factor_optional();

    @Message
    String settings_two_factor_link();

    @Message
    String settings_password();

    @Message
    String settings_password_intro();

    @Message
    String settings_current_password();

    @Message
    String settings_new_password();

    @Message
    String settings_change_password();

    @Message
    String settings_tokens();

    @Message
    String settings_tokens_intro();

    @Message
    String settings_token_created(String name);

    @Message
    String settings_no_tokens();

    @Message
    String settings_token_made(String day);

    @Message
    String settings_token_made_used(String day, String lastUsed);

    @Message
    String settings_revoke();

    @Message
    String settings_token_name();

    @Message
    String settings_token_name_missing();

    @Message
    String settings_create_token();

    @Message
    String settings_team();

    @Message
    String settings_time_zone();

    @Message
    String settings_heat_window();

    @Message
    String settings_heat_window_short();

    @Message
    String settings_cooling();

    @Message
    String settings_cooling_short();

    @Message
    String settings_two_factor_everyone();

    @Message
    String settings_country_code();

    @Message
    String settings_country_code_hint();

    @Message
    String settings_country_code_short();

    @Message
    String settings_team_save();

    @Message
    String settings_two_factor_for_everyone();

    @Message
    String settings_two_factor_each();

    @Message
    String settings_moving();

    @Message
    String settings_moving_intro();

    @Message
    String settings_download_archive();

    @Message
    String settings_zip();

    @Message
    String settings_restore_intro();

    @Message
    String settings_restore_link();

}
