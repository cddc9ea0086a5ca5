package org.groundwork.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of settings, two-factor login, organizers, the audit trail and moving a team. The texts are in messages/account_en.properties and account_es.properties (docs/i18n.md);
 * templates say {account:key} or {account:key(param)}, and Quarkus checks every key and parameter at build
 * time. One bundle holds at most 300 messages (Quarkus 3.33 generates broken code above that).
 */
@MessageBundle(value = "account", locale = "en")
public interface MsgAccount {

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
    String device_unknown();

    @Message
    String device_browser();

    @Message
    String device_http_client();

    @Message
    String device_on(String browser, String system);

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
    String settings_team_saved();

    @Message
    String settings_language_saved();

    @Message
    String settings_session_ended();

    @Message
    String settings_token_revoked();

    @Message
    String settings_token_gone();

    @Message
    String settings_session_gone();

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

    @Message
    String audit_title();

    @Message
    String organizers_audit_rest();

    @Message
    String organizers_caption();

    @Message
    String organizers_role_of(String name);

    @Message
    String organizers_set_role();

    @Message
    String organizers_disabled();

    @Message
    String organizers_cannot_log_in();

    @Message
    String organizers_disable();

    @Message
    String organizers_enable();

    @Message
    String organizers_reset_2fa();

    @Message
    String organizers_add();

    @Message
    String organizers_add_submit();

    @Message
    String tf_on_now();

    @Message
    String tf_recovery();

    @Message
    String tf_continue();

    @Message
    String tf_step1();

    @Message
    String tf_type_key();

    @Message
    String tf_step2();

    @Message
    String tf_code_label();

    @Message
    String tf_turn_on();

    @Message
    String tf_is_on(long count);

    @Message
    String tf_lost();

    @Message
    String tf_lost_none();

    @Message
    String tf_required();

    @Message
    String tf_explain();

    @Message
    String tf_set_up();

    @Message
    String audit_intro();

    @Message
    String audit_who();

    @Message
    String audit_what();

    @Message
    String audit_anything();

    @Message
    String audit_contact();

    @Message
    String audit_from();

    @Message
    String audit_to();

    @Message
    String audit_show();

    @Message
    String audit_none();

    @Message
    String audit_caption();

    @Message
    String audit_head();

    @Message
    String audit_about();

    @Message
    String audit_fields();

    @Message
    String audit_rows();

    @Message
    String audit_no_one();

    @Message
    String audit_created_updated();

    @Message
    String audit_updated();

    @Message
    String audit_older();

    @Message
    String audit_field_ties();

    @Message
    String audit_field_assignee();

    @Message
    String audit_field_status();

    @Message
    String audit_field_source_action();

    @Message
    String audit_field_action_starts_at();

    @Message
    String audit_field_completed_by();

    @Message
    String audit_field_organizers();

    @Message
    String audit_field_merged();

    @Message
    String audit_field_two_factor_required();

    @Message
    String archive_first_passwords();

    @Message
    String archive_all_have_passwords();

    @Message
    String archive_can_log_in(String name, String email);

    @Message
    String archive_set_first();

    @Message
    String archive_back();

    @Message
    String archive_restore_title();

    @Message
    String archive_restore_heading();

    @Message
    String archive_restore_intro();

    @Message
    String archive_file();

    @Message
    String archive_nothing_restored();

    @Message
    String archive_restore_submit();

    @Message
    String archive_restored_title();

    @Message
    String archive_restored_heading(String name);

    @Message
    String archive_restored_exists(String name);

    @Message
    String archive_rows();

    @Message
    String archive_its_organizers();

    @Message
    String archive_no_passwords();

    @Message
    String archive_first_for(String name);

    @Message
    String archive_for(String name);

    @Message
    String archive_choose();

    @Message
    String archive_one_file();

    @Message
    String organizers_more();

    @Message
    String organizers_added();

    @Message
    String organizers_role_changed();

    @Message
    String organizers_now_disabled();

    @Message
    String organizers_now_enabled();

    @Message
    String organizers_two_factor_reset();

    @Message
    String organizers_two_factor_was_off();
}
