package org.groundwork.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages about places: organizations, their units, the wall chart and its moves, organic
 * leaders. The texts are in messages/places_en.properties and places_es.properties (docs/i18n.md); templates
 * say {places:key} or {places:key(param)}. Split from {@link MsgPeople}, which had grown to 301 messages and
 * lost one (the Works page's heading drawn as NOT_FOUND): one bundle holds fewer than 300 (Quarkus 3.33
 * generates broken code above that; EveryMessageResolvesTest).
 */
@MessageBundle(value = "places", locale = "en")
public interface MsgPlaces {

    @Message
    String org_intro();

    @Message
    String org_ours();

    @Message
    String org_none();

    @Message
    String org_caption();

    @Message
    String org_people();

    @Message
    String org_units();

    @Message
    String org_chart();

    @Message
    String org_wall_chart();

    @Message
    String org_of(String name);

    @Message
    String org_add();

    @Message
    String org_add_submit();

    @Message
    String chart_title(String name);

    @Message
    String chart_heading(String name);

    @Message
    String org_listen_to();

    @Message
    String chart_people(long count);

    @Message
    String chart_filter_label();

    @Message
    String chart_all_levels();

    @Message
    String chart_anyone();

    @Message
    String chart_quiet();

    @Message
    String chart_show();

    @Message
    String chart_everyone();

    @Message
    String chart_refused();

    @Message
    String chart_legend_text();

    @Message
    String chart_legend_heat();

    @Message
    String chart_columns();

    @Message
    String chart_no_unit();

    @Message
    String chart_people_word();

    @Message
    String chart_person_word();

    @Message
    String chart_talked_30();

    @Message
    String chart_with_owner();

    @Message
    String chart_owner_title(String name);

    @Message
    String chart_no_owner();

    @Message
    String chart_talked_days_ago(Integer days);

    @Message
    String chart_never_talked();

    @Message
    String chart_follow_up_due(String day);

    @Message
    String chart_move();

    @Message
    String chart_no_match();

    @Message
    String org_nobody_yet();

    @Message
    String org_all();

    @Message
    String org_nobody_add();

    @Message
    String org_add_contact();

    @Message
    String org_and_choose();

    @Message
    String org_more_people();

    @Message
    String org_units_intro();

    @Message
    String org_no_units();

    @Message
    String org_unit_name();

    @Message
    String org_unit_kind();

    @Message
    String org_inside();

    @Message
    String org_not_inside();

    @Message
    String org_add_unit();

    @Message
    String org_rename();

    @Message
    String org_merge_heading();

    @Message
    String org_merge_intro(String name);

    @Message
    String org_merge_into();

    @Message
    String org_choose();

    @Message
    String org_merge();

    @Message
    String org_merge_confirm(String name);

    @Message
    String org_merge_tick();

    @Message
    String org_merged();

    @Message
    String leaders_title(String name);

    @Message
    String leaders_intro();

    @Message
    String leaders_first(int shown);

    @Message
    String leaders_none();

    @Message
    String leaders_caption(String name);

    @Message
    String leaders_person();

    /** The leaders table's column of how many listen to each: "Listened to by" on a tie is one person's. */
    @Message
    String leaders_listeners();

    @Message
    String leaders_unit();

    @Message
    String leaders_stands_out();

    @Message
    String leaders_not_cadre();

    @Message
    String leaders_quiet();

    @Message
    String move_title(String name);

    @Message
    String move_to(String name);

    @Message
    String move_back();

    @Message
    String org_choose_merge();

    @Message
    String org_more();


    @Message
    String chart_legend_fold();

    @Message
    String chart_back_every_unit();

    @Message
    String chart_folded_more(long count);

    @Message
    String chart_folded_more_matching(long count);

    @Message
    String unit_one_person();

    @Message
    String unit_up();

    @Message
    String unit_down();

    @Message
    String unit_said_up(String name);

    @Message
    String unit_said_down(String name);

    @Message
    String unit_gone();

    @Message
    String unit_rename_or_remove();

    @Message
    String unit_field_label();

    @Message
    String unit_field_hint_chosen();

    @Message
    String unit_field_hint_first();

    @Message
    String unit_in();

    @Message
    String unit_its_column();

    @Message
    String unit_rename();

    @Message
    String unit_name();

    @Message
    String unit_kind();

    @Message
    String unit_remove_heading();

    @Message
    String unit_nobody(String name);

    @Message
    String unit_or_inside();

    @Message
    String unit_inside_removed(String names);

    @Message
    String unit_one_sits();

    @Message
    String unit_many_sit(long count);

    @Message
    String unit_in_name(String name);

    @Message
    String unit_and_inside();

    @Message
    String unit_stay(String organization);

    @Message
    String unit_move_them_to();

    @Message
    String unit_remove_button(String name);

    @Message
    String unit_and_move_one();

    @Message
    String unit_and_move_many(long count);

    @Message
    String chart_said_moved(String name, String unit);

    @Message
    String chart_said_moved_none(String name);

    @Message
    String chart_said_stayed_none(String name);

    /** unit_stay for one person: Spanish says it in the singular. */
    @Message
    String unit_stay_one(String organization);

    /** unit_move_them_to for one person. */
    @Message
    String unit_move_one_to();

    @Message
    String chart_said_stayed(String name, String unit);

    @Message
    String unit_added();

    @Message
    String unit_saved();

    @Message
    String unit_removed();
}
