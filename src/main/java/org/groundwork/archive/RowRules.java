package org.groundwork.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.groundwork.action.ActionJson;
import org.groundwork.contact.ContactFields;
import org.groundwork.contact.Phones;
import org.groundwork.contact.ContactJson;
import org.groundwork.contact.TieJson;
import org.groundwork.contact.TieService;
import org.groundwork.contact.TieKind;
import org.groundwork.conversation.ConversationJson;
import org.groundwork.followup.FollowUpJson;
import org.groundwork.organization.OrganizationJson;
import org.groundwork.organization.UnitJson;
import org.groundwork.organizer.OrganizerJson;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.Word;
import org.groundwork.platform.Ids;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.ProblemMapper;
import org.groundwork.work.WorkJson;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field rules of the API's doors, applied to an archive's rows: a hand-edited archive must not
 * store what the API and the pages refuse (a 120-character tag, a title past its length, an email
 * that is not one). There is no third copy of the limits here: each row is read, by its column
 * names (snake_case), into the typed record(s) the API reads for that table, with the API's own
 * reader (SafeJson: words, dates, numbers), and checked by the same {@link Validator}; the contact
 * fields by {@link ContactFields} and the time zone by {@link OrganizerService#zone}, as the API
 * does. Only the record's properties the row holds are checked (an organizer's row has no password).
 *
 * <p>Not applied, on purpose: the rules about "now" (a conversation at most a day ahead, a level
 * change not in the future, a follow-up due today or later). An archive is the team as it was on
 * its day: its overdue follow-ups and yesterday's "tomorrow" were valid when written, and restoring
 * them later must not refuse the team. Rules between rows (ids of the team, one unit inside another
 * once only) are the database's foreign keys and checks, as before, the units' one level of nesting
 * included (V8_1's trigger); a tie's two ends (two people, a two-way tie's order) are said here by
 * line too, as TieService says them. Tables no one types into
 * (action_organizer, export_log, audit_event) have no API record: the database's checks are theirs.
 */
@ApplicationScoped
class RowRules {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /**
     * The API's records for each table's rows. Some add only the words of a field the first lacks
     * (a follow-up's status, an organizer's language, a level change's levels).
     */
    private static final Map<String, List<Class<? extends Record>>> RECORDS = Map.ofEntries(
            Map.entry("team", List.of(OrganizerJson.TeamSettings.class)),
            Map.entry("organizer", List.of(OrganizerJson.NewOrganizer.class, OrganizerJson.MeChange.class)),
            Map.entry("organization", List.of(OrganizationJson.NewOrganization.class)),
            Map.entry("unit", List.of(UnitJson.NewUnit.class)),
            Map.entry("contact", List.of(ContactJson.NewContact.class)),
            Map.entry("tie", List.of(TieJson.NewTie.class)),
            Map.entry("level_change", List.of(ContactJson.NewLevel.class, ContactJson.LevelChangeView.class)),
            Map.entry("work", List.of(WorkJson.NewWork.class)),
            Map.entry("action", List.of(ActionJson.NewAction.class)),
            Map.entry("attendance", List.of(ActionJson.AttendanceItem.class)),
            Map.entry("conversation", List.of(ConversationJson.NewConversation.class)),
            Map.entry("follow_up", List.of(FollowUpJson.NewFollowUp.class, FollowUpJson.FollowUpChange.class)));

    @Inject
    Validator validator;
    @Inject
    ObjectMapper mapper;
    @Inject
    OrganizerService organizers;

    private final Map<Class<?>, ObjectReader> readers = new HashMap<>();
    /** A row's times as the API reads them (SafeJson: ISO-8601 text, the years 1900 to 2200), each under its column. */
    private ObjectReader timestamps;
    private ObjectReader dates;

    @PostConstruct
    void readers() {
        // the API's mapper, reading the archive's column names; the other columns are the restore's to check
        ObjectMapper snake = mapper.copy().setPropertyNamingStrategy(SNAKE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        RECORDS.values().forEach(types -> types.forEach(type -> readers.put(type, snake.readerFor(type))));
        timestamps = mapper.readerFor(new TypeReference<Map<String, Instant>>() { });
        dates = mapper.readerFor(new TypeReference<Map<String, LocalDate>>() { });
    }

    /** A table's columns of time, by their PostgreSQL type: timestamptz and date. */
    record Times(List<String> timestamps, List<String> dates) {
    }

    /** The rules the row breaks, each named by the archive's field ("tags[0]", "duration_minutes"); empty if none. */
    List<FieldError> broken(String table, JsonNode row, Times times) {
        Set<FieldError> broken = new LinkedHashSet<>();
        // every time of the row, also those no API record holds (created_at, last_conversation_at, an
        // audit event's at): PostgreSQL's own input takes 'infinity', 'epoch' or 'now' there, which no
        // Groundwork writes, and an 'infinity' made the restored team's contact list and wall chart a 500
        broken.addAll(times(row, times.timestamps(), timestamps));
        broken.addAll(times(row, times.dates(), dates));
        for (Class<? extends Record> type : RECORDS.getOrDefault(table, List.of())) {
            Record record;
            try {
                record = readers.get(type).readValue(row);
            } catch (JsonProcessingException e) {
                broken.addAll(errors(ProblemMapper.fromJackson(e)));
                continue;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (row.has(SNAKE.translate(c.getName()))) {
                    for (ConstraintViolation<Record> v : validator.validateProperty(record, c.getName())) {
                        broken.add(new FieldError(SNAKE.translate(v.getPropertyPath().toString()), v.getMessage()));
                    }
                }
            }
            if (record instanceof ContactJson.NewContact contact) {
                broken.addAll(contact(contact, row));
            }
        }
        if (table.equals("team")) {
            broken.addAll(zone(row.path("time_zone").asText(null)));
            // NewTeam's @NotBlank: TeamSettings, a change, takes no name at all but refuses only an empty one
            // ("size must be between 1 and 200"), and a name of spaces reached the database's check with no line
            String name = row.path("name").asText("");
            if (!name.isEmpty() && name.isBlank()) {
                broken.add(new FieldError("name", "must not be blank"));
            }
        }
        if (table.equals("tie")) {
            broken.addAll(tieEnds(row));
        }
        return List.copyOf(broken);
    }

    private List<FieldError> times(JsonNode row, List<String> columns, ObjectReader reader) {
        ObjectNode values = mapper.createObjectNode();
        for (String column : columns) {
            JsonNode value = row.get(column);
            if (value != null && !value.isNull()) {
                values.set(column, value);
            }
        }
        try {
            reader.readValue(values);
            return List.of();
        } catch (JsonProcessingException e) {
            return errors(ProblemMapper.fromJackson(e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A tie joins two people, and one that goes both ways is stored once, the first id first (V8_1's checks;
     * TieService orders them): an archive edited otherwise was refused by those checks with no line. Only a kind
     * that is one of ours and goes both ways is ordered (a misspelled kind is said by NewTie, and swapping a
     * "listens-to" would turn who listens round); an id that is none is said elsewhere.
     */
    private static List<FieldError> tieEnds(JsonNode row) {
        java.util.UUID contact;
        java.util.UUID other;
        try {
            contact = Ids.read(row.path("contact_id").asText(""));
            other = Ids.read(row.path("other_contact_id").asText(""));
        } catch (IllegalArgumentException notAnId) {
            return List.of();
        }
        if (contact.equals(other)) {
            return List.of(new FieldError("other_contact_id", TieService.TWO_PEOPLE));
        }
        TieKind kind = Word.exact(TieKind.class, row.path("kind").asText(""));
        return kind != null && !kind.directed() && !Ids.precedes(contact, other)
                ? List.of(new FieldError("contact_id", TIE_ORDER)) : List.of();
    }

    static final String TIE_ORDER = "must be the smaller of the two ids in a tie that goes both ways (swap it with "
            + "other_contact_id)";

    /**
     * A person's fields as every contact door checks them; an erased contact's are empty, as the
     * database requires. An email's shape is the one rule left to the database's own check (an @
     * with something on each side): the import stored emails by a looser rule until 2026-11-30
     * (a60bbd1) and nothing checks them again, so an archive this instance made would be refused.
     * A phone's notation ({@code Phones.Written}) is left out for the same reason: any text was
     * stored as a phone until 2026-12-04, and stays. So is a name that shows nothing ({@code
     * ContactFields.Shown}, 2026-12-05). Their lengths still count.
     */
    private List<FieldError> contact(ContactJson.NewContact c, JsonNode row) {
        List<FieldError> problems = new ArrayList<>();
        if (row.path("erased_at").isNull()) {
            ContactFields fields = new ContactFields(c.fullName(), c.phone(), c.email(), c.notes());
            for (String field : List.of("fullName", "notes", "phone", "email")) {
                for (ConstraintViolation<ContactFields> v : validator.validateProperty(fields, field)) {
                    java.lang.annotation.Annotation rule = v.getConstraintDescriptor().getAnnotation();
                    if (!(rule instanceof jakarta.validation.constraints.Email || rule instanceof Phones.Written
                            || rule instanceof ContactFields.Shown)) {
                        problems.add(new FieldError(SNAKE.translate(field), v.getMessage()));
                    }
                }
            }
        }
        int before = problems.size();
        String[] stored = ContactFields.tags(c.tags(), problems);
        // the tags as the API stores them, and nothing else: a null tag made the restored team's contact
        // list, the person's page and the export a 500; an empty, padded or repeated one no door stores
        List<String> tags = c.tags() == null ? List.of() : c.tags();
        for (int i = 0; i < tags.size() && problems.size() == before; i++) {
            if (i >= stored.length || !stored[i].equals(tags.get(i))) {
                problems.add(new FieldError("tags[" + i + "]", TAG_AS_STORED));
            }
        }
        return problems;
    }

    /**
     * The API's time zone rule, and the name as the API stores it (" Europe/Berlin" it trims; an
     * archive holds what was stored).
     */
    private List<FieldError> zone(String zone) {
        if (zone == null) {
            return List.of(); // the database refuses it (not null)
        }
        try {
            if (organizers.zone(zone).equals(zone)) {
                return List.of();
            }
        } catch (ProblemException e) {
            return errors(e).stream().map(f -> new FieldError("time_zone", f.message())).toList();
        }
        return List.of(new FieldError("time_zone", ZONE_NAME));
    }

    /** A tag the API would not have stored so (it drops empty and repeated ones and trims the rest). */
    static final String TAG_AS_STORED = "is not a tag as Groundwork stores it (empty, spaces around it, or given twice)";

    /** A name PostgreSQL knows but the API would have stored otherwise (" Europe/Berlin" it trims). */
    static final String ZONE_NAME = "is not a time zone name (like Europe/Berlin)";

    private static List<FieldError> errors(ProblemException e) {
        return e.errors() == null || e.errors().isEmpty() ? List.of(new FieldError("row", e.getMessage())) : e.errors();
    }
}
