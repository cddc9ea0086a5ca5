package org.groundwork.organization;

import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.organization.ChartJson.Card;
import org.groundwork.organization.ChartJson.Column;
import org.groundwork.organization.OrganizationPages.CardView;
import org.groundwork.organization.OrganizationPages.ColumnView;
import org.groundwork.web.Labels;
import org.groundwork.web.MsgPeople;
import org.groundwork.web.MsgPlaces;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The words on the wall chart's cards, each worked out once per page. A chart draws about 1,000
 * cards that repeat three levels, five positions, a few owners, day counts and due dates; asking
 * the message bundle and the page's language for each card's words was most of the page's time
 * (docs/reports.md, "The wall chart's speed").
 */
final class CardWords {

    private final MsgPeople people;
    private final MsgPlaces places;
    private final Map<Level, String> levels = new EnumMap<>(Level.class);
    private final Map<Position, String> positions = new EnumMap<>(Position.class);
    private final Map<String, String[]> owners = new HashMap<>();
    private final Map<Integer, String> talked = new HashMap<>();
    private final Map<LocalDate, String> due = new HashMap<>();
    private final String neverTalked;
    private final String heat;
    private final String noOwner;
    private final String moveWord;
    private final String moveTail;
    private final UUID moved;

    /** {@code moveTail}: the query string after the contact's id in each card's move link (the filters kept). */
    CardWords(MsgPeople people, MsgPlaces places, String moveTail) {
        this(people, places, moveTail, null);
    }

    /** {@code moved}: the person just moved, whose card takes the focus (null when nobody was). */
    CardWords(MsgPeople people, MsgPlaces places, String moveTail, UUID moved) {
        this.people = people;
        this.places = places;
        this.moved = moved;
        this.neverTalked = places.chart_never_talked();
        this.heat = people.checkin_first_time_mark();
        this.noOwner = places.chart_no_owner();
        this.moveWord = places.chart_move();
        this.moveTail = moveTail;
    }

    List<ColumnView> columns(List<Column> columns) {
        List<ColumnView> views = new ArrayList<>(columns.size());
        for (Column column : columns) {
            List<CardView> cards = new ArrayList<>(column.cards().size());
            for (Card card : column.cards()) {
                cards.add(card(card));
            }
            views.add(new ColumnView(column, cards));
        }
        return views;
    }

    CardView card(Card c) {
        String[] owner = c.ownerName() == null ? null
                : owners.computeIfAbsent(c.ownerName(), name -> new String[]{c.ownerInitials(), places.chart_owner_title(name)});
        Integer days = c.daysSinceConversation();
        String id = c.contactId().toString();
        return new CardView(id, c.fullName(), c.level().word(), levels.computeIfAbsent(c.level(), Labels::label),
                positions.computeIfAbsent(c.position(), Labels::label),
                owner == null ? null : owner[0], owner == null ? null : owner[1], owner == null ? noOwner : null,
                days == null ? neverTalked : talked.computeIfAbsent(days, places::chart_talked_days_ago),
                c.followUpDue() == null ? null : due.computeIfAbsent(c.followUpDue(),
                        d -> places.chart_follow_up_due(Labels.day(d))),
                c.firstTimerInHeat() ? heat : null, "move?contactId=" + id + moveTail, moveWord,
                c.contactId().equals(moved));
    }
}
