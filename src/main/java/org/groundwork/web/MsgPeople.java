package org.groundwork.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages about people: Today, contacts, conversations, actions and check-in, works (organizations, units and the wall chart: {@link MsgPlaces}). The texts are in messages/people_en.properties and people_es.properties (docs/i18n.md);
 * templates say {people:key} or {people:key(param)}, and Quarkus checks every key and parameter at build
 * time. One bundle holds at most 300 messages (Quarkus 3.33 generates broken code above that).
 */
@MessageBundle(value = "people", locale = "en")
public interface MsgPeople {

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
    String today_heat(int count);

    @Message
    String today_heat_none();

    @Message
    String today_overdue(int count);

    @Message
    String today_overdue_none();

    @Message
    String today_overdue_none_heat(long count);

    @Message
    String queue_late();

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
    String contact_deleted();

    @Message
    String contact_do_not_contact();

    @Message
    String contact_edit_details();

    @Message
    String contact_details();

    @Message
    String contact_ties();

    @Message
    String contact_no_ties();

    @Message
    String contact_tie_gone();

    @Message
    String contact_level_change_gone();

    @Message
    String tie_listens_to();

    @Message
    String tie_listened_to_by();

    @Message
    String contact_tie_with(String name);

    @Message
    String contact_tie();

    @Message
    String contact_with();

    @Message
    String contact_choose_person();

    @Message
    String contact_add_tie();

    @Message
    String contact_tie_search();

    @Message
    String contact_tie_search_first();

    @Message
    String contact_tie_no_one_found(String q);

    @Message
    String contact_tie_only_themselves(String q, String name);

    @Message
    String contact_tie_more(int count);

    @Message
    String contact_open_follow_ups();

    @Message
    String contact_change_level();

    @Message
    String contact_new_level();

    @Message
    String contact_reason_hint();

    @Message
    String contact_timeline();

    @Message
    String nothing_yet();

    @Message
    String contact_with_who(String who);

    @Message
    String contact_for_work(String work);

    @Message
    String contact_care_about();

    @Message
    String contact_committed_to();

    @Message
    String contact_add();

    @Message
    String owner_me();

    @Message
    String contact_edit(String name);

    @Message
    String contact_edit_unnamed();

    @Message
    String contact_erase_confirm_unnamed();

    @Message
    String contact_level_not_here();

    @Message
    String contact_level_not_here_link();

    @Message
    String contact_level_not_here_end();

    @Message
    String owner_none();

    @Message
    String owner_deactivated(String name);

    @Message
    String contact_save();

    @Message
    String contact_erase_heading();

    @Message
    String contact_erase_explain();

    @Message
    String contact_erase_confirm(String name);

    @Message
    String contact_erase();

    @Message
    String conversation_log_with(String name);

    @Message
    String conversation_logged(String name);

    @Message
    String conversation_deleted();

    @Message
    String conversation_deleted_reopened();

    @Message
    String contact_level_now(String name, String level);

    @Message
    String back_to(String name);

    @Message
    String conversation_edit_link();

    @Message
    String follow_up_after_action();

    @Message
    String level_reason_at_an_action();

    @Message
    String level_reason_imported();

    @Message
    String level_reason_changed_by_import();

    @Message
    String contact_add_someone_else();

    @Message
    String contact_same_name();

    @Message
    String contact_unit();

    @Message
    String conversation_edit_with(String name);

    @Message
    String conversation_edit_unnamed();

    @Message
    String conversation_erased_no_words();

    @Message
    String conversation_saved();

    @Message
    String conversation_back_unnamed();

    @Message
    String conversation_save();

    @Message
    String conversation_changed_meanwhile();

    @Message
    String conversation_delete_heading();

    @Message
    String conversation_delete_explain();

    @Message
    String conversation_delete_confirm();

    @Message
    String conversation_delete_tick();

    @Message
    String conversation_delete();

    @Message
    String level_change_delete_link();

    @Message
    String level_change_delete_heading(String name);

    @Message
    String level_change_delete_explain();

    @Message
    String level_change_delete_confirm();

    @Message
    String level_change_delete_tick();

    @Message
    String level_change_delete();

    @Message
    String conversation_when_hint();

    @Message
    String conversation_no_work();

    @Message
    String conversation_politics();

    @Message
    String conversation_next_step();

    @Message
    String conversation_completes();

    @Message
    String action_new();

    @Message
    String action_create();

    @Message
    String action_all();

    @Message
    String action_none();

    @Message
    String action_came(long came, long first);

    @Message
    String action_check_people_in();

    @Message
    String action_at(String title);

    @Message
    String action_older();

    @Message
    String checkin_title(String title);

    @Message
    String checkin_already_here();

    @Message
    String checkin_same_email();

    @Message
    String checkin_same_phone();

    @Message
    String checkin_not_added();

    @Message
    String checkin_already_known();

    @Message
    String checkin_checked_in_lower();

    @Message
    String checkin_same_name_q(String name);

    @Message
    String checkin_same_name_one();

    @Message
    String checkin_same_name_many(int count);

    @Message
    String checkin_shares_phone(String name);

    @Message
    String checkin_same_person();

    @Message
    String checkin_someone_else(String name);

    @Message
    String checkin_find();

    @Message
    String checkin_search_label();

    @Message
    String checkin_no_one_found(String q);

    @Message
    String checkin_checked_in();

    @Message
    String checkin_first_time();

    @Message
    String checkin_check_in();

    @Message
    String checkin_someone_new();

    @Message
    String checkin_email();

    @Message
    String checkin_new_person();

    @Message
    String checkin_here(long count, long first);

    @Message
    String checkin_no_one_yet();

    @Message
    String checkin_first_time_mark();

    @Message
    String checkin_edit();

    @Message
    String checkin_saved();

    @Message
    String checkin_is_in(String name);

    @Message
    String checkin_was_in(String name);

    @Message
    String action_edit_title(String title);

    @Message
    String action_organizers();

    @Message
    String action_save();

    @Message
    String work_intro();

    @Message
    String work_ours();

    @Message
    String work_none();

    @Message
    String work_inactive();

    @Message
    String work_more();

    @Message
    String work_new();

    @Message
    String work_focus_label();

    @Message
    String work_choose_focus();

    @Message
    String work_mode();

    @Message
    String work_justification_label();

    @Message
    String work_create();

    @Message
    String work_focus();

    @Message
    String work_justification();

    @Message
    String work_active();

    @Message
    String work_its_actions();

    @Message
    String work_no_actions();

    @Message
    String work_change();

    @Message
    String contact_erase_tick();

    @Message
    String contact_reason_missing();


    @Message
    String contact_choose_tie();

    @Message
    String timeline_conversation();

    @Message
    String action_at_capital(String title);

    @Message
    String timeline_added_as(String level);

    @Message
    String timeline_level_changed(String from, String to);

    @Message
    String timeline_follow_up_due(String day);

    @Message
    String today_choose_date();

    @Message
    String checkin_conflict();

    @Message
    String queue_more();

    @Message
    String queue_more_for(String name);

    @Message
    String today_week();

    @Message
    String today_week_share(Integer share, long part, long minutes);

    @Message
    String today_week_no_time();

    @Message
    String today_week_no_first();

    @Message
    String today_week_heat(int followed, int count);

    @Message
    String today_week_heat_one(int followed);

    /** After Today's first-timers line: those not talked with yet whose heat window is still open. */
    @Message
    String today_week_still(int count);

    @Message
    String today_week_up(int count);

    @Message
    String today_week_up_one();

    @Message
    String today_week_cooling(int count);

    @Message
    String today_week_cooling_one();

    @Message
    String contacts_erased();

    @Message
    String contacts_import();

    @Message
    String contacts_search_label();

    @Message
    String contacts_filters();

    @Message
    String contacts_any_level();

    @Message
    String contacts_any_position();

    @Message
    String contacts_any_organization();

    @Message
    String contacts_anyones();

    @Message
    String contacts_none_match();

    /** The list of a team with no one in it yet: what to do first. */
    @Message
    String contacts_none_yet();

    @Message
    String contacts_next_follow_up();

    @Message
    String contacts_more();

    @Message
    String contacts_first_page();

    @Message
    String contacts_download();

    @Message
    String contacts_these();

    @Message
    String contacts_all();

    @Message
    String contacts_all_conversations();

    @Message
    String contacts_tag();

    // ---- the queue's steps said in its live region, and Drop's question (docs/organizing.md, "Working the queue")

    @Message
    String queue_someone();

    @Message
    String queue_said_done(String name);

    @Message
    String queue_said_dropped(String name);

    @Message
    String queue_said_rescheduled(String name, String day);

    @Message
    String queue_said_kept(String name);

    @Message
    String queue_hand_to();

    @Message
    String queue_hand();

    @Message
    String queue_said_handed(String organizer, String name);

    @Message
    String queue_choose_organizer();

    @Message
    String queue_hand_yourself();

    @Message
    String queue_hand_choose();

    @Message
    String queue_drop_ask(String name);

    @Message
    String queue_not_open();

    @Message
    String queue_keep();

    @Message
    String checkin_remove_ask(String name);

    @Message
    String checkin_remove_ask_unnamed();

    @Message
    String checkin_remove_first_time();

    @Message
    String contact_details_saved();

    @Message
    String contact_added();

    @Message
    String contact_follow_up_yours();

    @Message
    String contact_follow_up_theirs(String name);

    @Message
    String contact_tie_added();

    @Message
    String contact_tie_removed();

    @Message
    String conversation_changed();

    @Message
    String checkin_removed(String name);

    @Message
    String checkin_not_on_list();
}
