package org.groundwork.archive;

import java.util.List;
import java.util.Map;

/**
 * The one list of what a team's archive holds: each table, its columns, in the order a restore
 * writes them (a row's references before the row). The archive and the restore both read it,
 * so there is no copy per table to forget. ArchiveFormatTest checks it against the migrated
 * schema: a new team-owned table or column must be added here or to what is left out.
 */
final class ArchiveFormat {

    static final String FORMAT = "groundwork-team-archive";
    /** Raise it whenever a table or column is added to or removed from {@link #TABLES}. */
    static final int VERSION = 3;
    /**
     * The oldest format a restore reads. An archive of an older format than {@link #VERSION} has no
     * field for the columns added since ({@link #ADDED}): the restore leaves them to their defaults.
     */
    static final int OLDEST_READ = 2;
    static final String MANIFEST = "manifest.json";

    /**
     * One table of the archive, written as {@code <name>.jsonl}: one JSON object per row, keys
     * the column names. {@code teamColumn} selects the team's rows; {@code order} keeps the
     * file's order stable.
     */
    record Table(String name, String teamColumn, String order, List<String> columns) {
        String file() {
            return name + ".jsonl";
        }

        /** The columns an archive of that format holds for this table: those added later are not in it. */
        List<String> columns(int formatVersion) {
            Map<String, Integer> added = ADDED.getOrDefault(name, Map.of());
            return columns.stream().filter(c -> added.getOrDefault(c, 0) <= formatVersion).toList();
        }
    }

    /**
     * Columns added to the archive after format 2, by table, with the format that added them. An
     * organizer's language (V16_1) since format 3: a restored organizer keeps the language of their
     * pages; from an archive of format 2 they start in English (the column's default).
     */
    static final Map<String, Map<String, Integer>> ADDED = Map.of("organizer", Map.of("language", 3));

    static final List<Table> TABLES = List.of(
            new Table("team", "id", "id", List.of("id", "name", "time_zone", "heat_window_days", "cooling_days",
                    "phone_country_code", "two_factor_required", "created_at", "version")),
            // no password hash, no two-factor secrets, not the instance-admin flag (a property of
            // the instance the team leaves): restored organizers get a password from the new instance's admin
            new Table("organizer", "team_id", "id", List.of("id", "team_id", "email", "display_name", "role",
                    "active", "created_at", "version", "language")),
            new Table("organization", "team_id", "id", List.of("id", "team_id", "name", "kind", "created_at",
                    "version")),
            // parents before the units inside them (one level of nesting, V8_1)
            new Table("unit", "team_id", "parent_id nulls first, id", List.of("id", "team_id", "organization_id",
                    "parent_id", "kind", "name", "position", "created_at", "version")),
            // erased contacts are in it as the tombstones they are (no name, phone, email, notes, tags)
            new Table("contact", "team_id", "id", List.of("id", "team_id", "full_name", "phone", "email",
                    "organization_id", "unit_id", "position", "engagement_level", "owner_id", "tags", "do_not_contact", "notes",
                    "last_conversation_at", "erased_at", "created_at", "updated_at", "version")),
            // who is close to whom and who listens to whom (V8_1); an erased contact's ties are gone already
            new Table("tie", "team_id", "id", List.of("id", "team_id", "contact_id", "other_contact_id", "kind",
                    "note", "created_by", "created_at")),
            new Table("level_change", "team_id", "id", List.of("id", "team_id", "contact_id", "from_level",
                    "to_level", "changed_at", "changed_by", "reason", "created_at")),
            new Table("work", "team_id", "id", List.of("id", "team_id", "name", "focus", "mode", "justification",
                    "active", "created_at", "updated_at", "version")),
            new Table("action", "team_id", "id", List.of("id", "team_id", "work_id", "title", "kind", "starts_at",
                    "duration_minutes", "location", "created_by", "created_at", "updated_at", "version")),
            new Table("action_organizer", "team_id", "action_id, organizer_id",
                    List.of("action_id", "organizer_id", "team_id")),
            // level_at_time is derived (V3_1's triggers); it is kept as stored, see TeamRestore
            new Table("attendance", "team_id", "id", List.of("id", "team_id", "action_id", "contact_id",
                    "first_time", "notes", "recorded_by", "created_at", "level_at_time")),
            new Table("conversation", "team_id", "id", List.of("id", "team_id", "contact_id", "organizer_id",
                    "work_id", "occurred_at", "duration_minutes", "channel", "summary", "issues", "commitments",
                    "political_discussion", "created_at", "updated_at", "version", "level_at_time")),
            new Table("follow_up", "team_id", "id", List.of("id", "team_id", "contact_id", "assignee_id", "due_on",
                    "purpose", "reason", "status", "source_action_id", "source_conversation_id",
                    "completed_by_conversation_id", "closed_at", "created_by", "created_at", "updated_at", "version")),
            new Table("export_log", "team_id", "id", List.of("id", "team_id", "organizer_id", "kind", "filters",
                    "row_count", "completed", "started_at", "finished_at")),
            // ids, field names and counts only (V7_3): the team's record of who did what goes with it
            new Table("audit_event", "team_id", "id", List.of("id", "team_id", "organizer_id", "at", "kind",
                    "entity_type", "entity_id", "fields", "count", "updated_count")));

    /** Tables with a team_id that are deliberately not in the archive, and why (docs/operations.md). */
    static final Map<String, String> TABLES_LEFT_OUT = Map.ofEntries(
            Map.entry("api_token", "credentials of this instance: scripts get new tokens on the new one"),
            Map.entry("login_session", "logins on this instance"),
            Map.entry("recovery_code", "two-factor credentials"),
            Map.entry("idempotency_key", "a 24-hour cache of answers to retried requests, which may quote erased people"),
            Map.entry("pending_import", "uploads waiting a day at most for their confirmation"),
            Map.entry("import_job", "progress and answers of imports, kept a week; the contacts they made are archived"),
            Map.entry("conversation_day", "derived: the restore's triggers rebuild it from the conversations"),
            Map.entry("conversation_place_day", "derived: the restore's triggers rebuild it from the conversations (V28_1)"),
            Map.entry("first_action", "derived: the restore's triggers rebuild it from the attendances (V19_1)"),
            Map.entry("unit_headcount", "derived: the restore's triggers rebuild it from the contacts (V19_2)"),
            Map.entry("level_move", "derived: the restore's triggers rebuild it from the level changes (V26_1)"),
            Map.entry("team_places_version", "derived: the restore's organizations and units set it anew (V28_2)"),
            Map.entry("team_place_day", "derived: rolled up from conversation_place_day with it (V28_3, V28_4)"),
            Map.entry("team_day", "derived: rolled up from conversation_day with it (V28_4)"));

    /** Columns of archived tables that are deliberately not in the archive. */
    static final Map<String, List<String>> COLUMNS_LEFT_OUT = Map.of(
            "organizer", List.of("password_hash", "instance_admin", "totp_secret", "totp_pending_secret",
                    "totp_last_step",
                    // derived: a generated column (V20_1), which PostgreSQL computes on the restore's insert
                    "email_key"),
            // derived: generated columns (V18_1, V20_2, V28_14), which PostgreSQL computes on the restore's insert
            "contact", List.of("phone_digits", "email_key", "phone_tail", "name_unaccented"),
            // derived: the attendee's position and place now, set by the insert trigger from the
            // restored contact (V18_4, V28_3)
            "attendance", List.of("position", "organization_id", "unit_id"));

    private ArchiveFormat() {
    }
}
