package org.groundwork.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The services' refusals as a page says them, one message per wording the services use (the API keeps
 * their English): texts in messages/refusals_en.properties and refusals_es.properties; {@link Refusals}
 * maps each English wording to its message. One bundle holds at most 300 messages (docs/i18n.md).
 */
@MessageBundle(value = "refusals", locale = "en")
public interface MsgRefusals {

    @Message
    String not_one_of(String value, String choices);

    @Message
    String at_most_characters(String max);

    @Message
    String role_not_allowed();

    @Message
    String changed_meanwhile();

    @Message
    String conflicts_with_stored();

    @Message
    String path_nul();

    @Message
    String parameter_name_nul();

    @Message
    String contains_nul();

    @Message
    String not_utf8();

    @Message
    String query_nul();

    @Message
    String not_a_date(String value);

    @Message
    String whole_number_between(String max);

    @Message
    String not_a_cursor();

    @Message
    String not_an_id(String value);

    @Message
    String too_many_attempts(String seconds);

    @Message
    String stale();

    @Message
    String no_contact_in_team();

    @Message
    String no_organizer_in_team();

    @Message
    String organizer_deactivated();

    @Message
    String same_password();

    @Message
    String no_organization_in_team();

    @Message
    String no_work_in_team();

    @Message
    String no_unit_of_organization();

    @Message
    String no_unit_of_contacts_organization();

    @Message
    String contact_not_in_organization(String name);

    @Message
    String not_before_from_date(String from);

    @Message
    String period_at_most(String days);

    @Message
    String report_whole_team_forbidden();

    @Message
    String report_other_forbidden();

    @Message
    String audit_forbidden();

    @Message
    String two_factor_already();

    @Message
    String two_factor_start_first();

    @Message
    String two_factor_wrong_code();

    @Message
    String two_factor_replaced();

    @Message
    String two_factor_not_waiting();

    @Message
    String two_factor_not_right();

    @Message
    String recovery_code_used();

    @Message
    String code_just_used();

    @Message
    String second_factor_first();

    @Message
    String already_set_up();

    @Message
    String token_from_token();

    @Message
    String tokens_most();

    @Message
    String lone_surrogate();

    @Message
    String one_admin();

    @Message
    String not_own_account();

    @Message
    String first_password_forbidden();

    @Message
    String has_password();

    @Message
    String wrong_login();

    @Message
    String email_taken();

    @Message
    String not_a_time_zone(String value);

    @Message
    String offset_not_zone(String value);

    @Message
    String zone_unknown_to_database(String value);

    @Message
    String country_code();

    @Message
    String no_open_follow_up();

    @Message
    String follow_up_already(String status);

    @Message
    String follow_up_date_changed_since(String day);

    @Message
    String follow_up_before_action();

    @Message
    String answer_before_action();

    @Message
    String answered_before_start();

    @Message
    String import_met_place_change();

    @Message
    String organization_busy();

    @Message
    String records_busy();

    @Message
    String took_too_long();

    @Message
    String queue_forbidden();

    @Message
    String after_action_open();

    @Message
    String at_most_tags(String max);

    @Message
    String tie_exists(String tieKind);

    @Message
    String tie_none();

    @Message
    String tie_not_theirs();

    @Message
    String level_change_not_theirs();

    @Message
    String level_changes_later(String level);

    @Message
    String level_changed_meanwhile(String level);

    @Message
    String level_added_with();

    @Message
    String level_next_unchanged(String level);

    @Message
    String tie_two_people();

    @Message
    String action_no_organizer();

    @Message
    String conversation_contact_fixed();

    @Message
    String follow_up_closed();

    @Message
    String follow_up_handed_since();

    @Message
    String follow_up_erased();

    @Message
    String follow_up_closed_date();

    @Message
    String follow_up_person_erased();

    @Message
    String attendance_notes_erased();

    @Message
    String attendance_person_erased();

    @Message
    String tie_person_erased();

    @Message
    String named_person_erased();

    @Message
    String contact_erased();

    @Message
    String contact_gone();

    @Message
    String listed_twice(String index);

    @Message
    String new_listed_twice(String index);

    @Message
    String attendance_too_long(String max, String count);

    @Message
    String given_more_than_once();

    @Message
    String body_cut_short();

    @Message
    String form_unreadable();

    @Message
    String organizer_id_expected();

    @Message
    String unit_has_units();

    @Message
    String unit_removed_too();

    @Message
    String unit_needs_organization();

    @Message
    String unit_inside_itself();

    @Message
    String units_one_level();

    @Message
    String unit_name_taken(String name);

    @Message
    String organization_name_taken(String name);

    @Message
    String work_name_taken(String name);

    @Message
    String merge_forbidden();

    @Message
    String merge_into_itself();

    @Message
    String archive_choose();

    @Message
    String restore_forbidden();

    @Message
    String archive_forbidden();

    @Message
    String archive_send_body();

    @Message
    String archive_too_big(String max);

    @Message
    String restore_too_long(String limit);

    @Message
    String archive_not_zip();

    @Message
    String archive_first_entry(String file);

    @Message
    String archive_out_of_order(String file);

    @Message
    String archive_incomplete();

    @Message
    String archive_too_many_entries();

    @Message
    String archive_unreadable_zip(String reason);

    @Message
    String archive_unreadable(String reason);

    @Message
    String archive_entry_name();

    @Message
    String manifest_not_manifest(String reason);

    @Message
    String manifest_format(String format);

    @Message
    String manifest_version(String version, String oldest, String newest);

    @Message
    String manifest_schema();

    @Message
    String manifest_newer(String theirs, String ours);

    @Message
    String manifest_team_id();

    @Message
    String manifest_files(String n);

    @Message
    String manifest_file(String n, String file);

    @Message
    String manifest_team_row();

    @Message
    String manifest_too_large();

    @Message
    String archive_rows_count(String file, String n, String expected);

    @Message
    String archive_rows_more(String file, String expected);

    @Message
    String archive_line(String file, String line, String what);

    @Message
    String archive_line_too_long();

    @Message
    String archive_line_not_utf8();

    @Message
    String archive_line_not_object_because(String reason);

    @Message
    String archive_line_not_object();

    @Message
    String archive_unknown_field(String field);

    @Message
    String archive_field_missing(String field);

    @Message
    String archive_other_team();

    @Message
    String archive_field_nul(String field);

    @Message
    String archive_field_not_words(String field);

    @Message
    String archive_field_object(String field);

    @Message
    String archive_time_zone();

    @Message
    String archive_id_not_id();

    @Message
    String archive_zone_name();

    @Message
    String archive_tag_as_stored();

    @Message
    String archive_tie_order();

    @Message
    String archive_email_twice(String first);

    @Message
    String time_expected();

    @Message
    String date_expected();

    @Message
    String expected_list();

    @Message
    String expected_text();

    @Message
    String expected_whole_number();

    @Message
    String expected_true_or_false();

    @Message
    String expected_id();

    @Message
    String expected_object();

    @Message
    String expected_date();

    @Message
    String expected_time();

    @Message
    String archive_field_rule(String field, String broken);

    @Message
    String archive_email_taken(String where);

    @Message
    String archive_twice(String where, String rule);

    @Message
    String archive_exists(String where, String rule);

    @Message
    String archive_row_refused(String where, String reason);

    @Message
    String archive_names_missing_row(String where, String rule);

    @Message
    String archive_no_admin(String where);

    @Message
    String archive_works_out_of_order(String where);

    @Message
    String import_not_utf8(String line);

    @Message
    String import_not_csv(String line, String reason);

    @Message
    String import_quote_not_closed();

    @Message
    String import_after_closing_quote();

    @Message
    String import_too_many_columns(String columns, String most);

    @Message
    String import_running();

    @Message
    String import_empty();

    @Message
    String import_no_rows();

    @Message
    String import_no_known_column(String header);

    @Message
    String import_binary();

    @Message
    String import_refused_rows(String first, String last, String rule);

    @Message
    String import_file_gone();

    @Message
    String import_cut_short();

    @Message
    String import_too_large(String size);

    @Message
    String import_too_many_rows(String rows);

    @Message
    String import_held_too_many(String contacts);

    @Message
    String import_busy();

    @Message
    String import_map_form(String value);

    @Message
    String import_map_no_column(String column);

    @Message
    String import_map_twice(String column);

    @Message
    String import_failed_server();

    @Message
    String import_failed();

    @Message
    String import_stopped();

    @Message
    String password_changed_meanwhile();

    @Message
    String row_field_nul(String field);

    @Message
    String row_name_size_value(String max, String value);

    @Message
    String row_name_size(String max);

    @Message
    String row_name_blank_value(String value);

    @Message
    String row_name_blank();

    @Message
    String row_phone_size_value(String max, String value);

    @Message
    String row_email_size_value(String max, String value);

    @Message
    String row_notes_size(String max);

    @Message
    String tag_separator();

    /** {@code n}: the tag's place in the API's list, counted from 0, which a line's cell does not show. */
    @Message
    String row_tag_at_long(String n, String max);

    @Message
    String size_at_most(String max);

    @Message
    String at_most_ids(String max);

    @Message
    String row_column_nul(String column);

    @Message
    String row_nothing();

    @Message
    String row_cells_beyond(String cells, String columns);

    @Message
    String row_name_long(String max);

    @Message
    String row_not_email(String value);

    @Message
    String row_not_phone(String value);

    @Message
    String row_phone_long(String max);

    @Message
    String row_level(String value, String fileWords);

    @Message
    String row_position(String value, String fileWords);

    @Message
    String row_notes_long(String max);

    @Message
    String row_do_not_contact(String value);

    @Message
    String row_organization_long(String max);

    @Message
    String row_unit_long(String max);

    @Message
    String row_tag_long(String tag, String max);

    @Message
    String row_tags_many(String max);

    @Message
    String row_phone_left_out();

    @Message
    String row_phone_will_be_left_out();

    @Message
    String row_phone_several();

    @Message
    String row_owner_unknown(String owner);

    @Message
    String row_owner_deactivated(String owner);

    @Message
    String row_unit_without_organization(String unit);

    @Message
    String row_owner_deactivated_will(String owner);

    @Message
    String row_owner_unknown_will(String owner);

    @Message
    String row_unit_without_organization_will(String unit);

    @Message
    String row_email_renames(String stored, String name);

    @Message
    String row_phone_renames(String stored, String name);

    @Message
    String row_email_renamed(String stored, String name);

    @Message
    String row_phone_renamed(String stored, String name);

    @Message
    String row_email_skips(String stored, String name);

    @Message
    String row_phone_skips(String stored, String name);

    @Message
    String row_phone_shared_no_name();

    @Message
    String row_phone_shared_new_will(String name);

    @Message
    String row_phone_shared_new(String name);

    @Message
    String row_email_skipped(String stored, String name);

    @Message
    String row_phone_skipped(String stored, String name);
}
