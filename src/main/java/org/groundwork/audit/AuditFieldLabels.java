package org.groundwork.audit;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Map.entry;
import static org.groundwork.web.PageLanguage.account;
import static org.groundwork.web.PageLanguage.msg;
import static org.groundwork.web.PageLanguage.people;
import static org.groundwork.web.PageLanguage.places;

/**
 * How the audit page says the field names an event records ("fullName", "ownerId": the API's
 * names, which the trail keeps and the API lists): in the page's language, with the label the
 * form gives the field where it has a short one, so the trail reads as the forms do. A name
 * with no label here is shown as recorded; {@code AuditFieldLabelsTest} checks that every field
 * a change can record has one.
 */
final class AuditFieldLabels {

    private AuditFieldLabels() {
    }

    /** Labels by field name, whatever the event is about. */
    private static final Map<String, Supplier<String>> ANY = Map.ofEntries(
            // contacts
            entry("fullName", () -> msg().field_full_name()),
            entry("phone", () -> msg().field_phone()),
            entry("email", () -> msg().field_email()),
            entry("organizationId", () -> msg().field_organization()),
            entry("unitId", () -> people().contact_unit()),
            entry("position", () -> msg().field_position()),
            entry("ownerId", () -> msg().field_owner()),
            entry("tags", () -> msg().field_tags()),
            entry("doNotContact", () -> people().contact_do_not_contact()),
            entry("notes", () -> msg().field_notes()),
            entry("ties", () -> account().audit_field_ties()),
            // conversations
            entry("organizerId", () -> msg().field_organizer()),
            entry("workId", () -> msg().field_work()),
            entry("occurredAt", () -> msg().field_when()),
            entry("durationMinutes", () -> msg().field_duration()),
            entry("channel", () -> msg().field_channel()),
            entry("summary", () -> msg().field_summary()),
            entry("issues", () -> people().contact_care_about()),
            entry("commitments", () -> people().contact_committed_to()),
            entry("politicalDiscussion", () -> people().conversation_politics()),
            // follow-ups
            entry("dueOn", () -> msg().field_due_date()),
            entry("assigneeId", () -> account().audit_field_assignee()),
            entry("purpose", () -> msg().field_purpose()),
            entry("status", () -> account().audit_field_status()),
            // moved by the heat rule to the first action a newcomer is still on (FollowUpService.dropAfterAction)
            entry("sourceActionId", () -> account().audit_field_source_action()),
            // moved with its action's date (FollowUpService.followTheAction)
            entry("actionStartsAt", () -> account().audit_field_action_starts_at()),
            // reopened by the deletion of the conversation that completed it (FollowUpService.reopenCompletedBy)
            entry("completedByConversationId", () -> account().audit_field_completed_by()),
            // works
            entry("name", () -> msg().field_name()),
            entry("focus", () -> people().work_focus()),
            entry("mode", () -> people().work_mode()),
            entry("justification", () -> people().work_justification_label()),
            entry("active", () -> people().work_active()),
            // actions
            entry("title", () -> msg().field_title()),
            entry("kind", () -> msg().field_kind()),
            entry("startsAt", () -> msg().field_starts_at()),
            entry("location", () -> msg().field_location()),
            entry("organizerIds", () -> account().audit_field_organizers()),
            // organizations
            entry("units", () -> places().org_units()),
            entry("merged", () -> account().audit_field_merged()),
            // organizers
            entry("displayName", () -> msg().field_name()),
            entry("role", () -> msg().field_role()),
            entry("language", () -> account().settings_language()),
            // the team's settings
            entry("timeZone", () -> account().settings_time_zone()),
            entry("heatWindowDays", () -> account().settings_heat_window()),
            entry("coolingDays", () -> account().settings_cooling()),
            entry("phoneCountryCode", () -> account().settings_country_code()),
            entry("twoFactorRequired", () -> account().audit_field_two_factor_required()));

    /** Where a name means another field for one kind of entity. */
    private static final Map<AuditEntity, Map<String, Supplier<String>>> OF_TYPE = Map.of(
            AuditEntity.TEAM, Map.of("name", () -> msg().field_team_name()));

    /** The fields of an event as the page's language says them, in the recorded order. */
    static List<String> labels(AuditEntity type, List<String> fields) {
        return fields.stream().map(f -> label(type, f)).toList();
    }

    static String label(AuditEntity type, String field) {
        Supplier<String> label = find(type, field);
        return label == null ? field : label.get();
    }

    static boolean has(AuditEntity type, String field) {
        return find(type, field) != null;
    }

    private static Supplier<String> find(AuditEntity type, String field) {
        Supplier<String> label = type == null ? null : OF_TYPE.getOrDefault(type, Map.of()).get(field);
        return label != null ? label : ANY.get(field);
    }
}
