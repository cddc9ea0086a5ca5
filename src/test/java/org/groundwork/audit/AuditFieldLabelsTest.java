package org.groundwork.audit;

import org.groundwork.action.ActionJson.ActionChange;
import org.groundwork.contact.ContactJson.ContactChange;
import org.groundwork.conversation.ConversationJson.ConversationChange;
import org.groundwork.followup.FollowUpJson.FollowUpChange;
import org.groundwork.organization.OrganizationJson.OrganizationChange;
import org.groundwork.organizer.OrganizerJson.MeChange;
import org.groundwork.organizer.OrganizerJson.OrganizerChange;
import org.groundwork.organizer.OrganizerJson.TeamSettings;
import org.groundwork.work.WorkJson.WorkChange;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field name an event can record has a label on the audit page: each change type's fields
 * (what {@link Before} compares) and the names the services record by rule. A field added to a
 * change type without one would show on the Spanish page as its English API name.
 */
class AuditFieldLabelsTest {

    /** The change types the trail compares, by the entity their events are about. */
    static final Map<AuditEntity, List<Class<? extends Record>>> CHANGES = Map.of(
            AuditEntity.CONTACT, List.of(ContactChange.class),
            AuditEntity.CONVERSATION, List.of(ConversationChange.class),
            AuditEntity.FOLLOW_UP, List.of(FollowUpChange.class),
            AuditEntity.WORK, List.of(WorkChange.class),
            AuditEntity.ACTION, List.of(ActionChange.class),
            AuditEntity.ORGANIZATION, List.of(OrganizationChange.class),
            AuditEntity.ORGANIZER, List.of(OrganizerChange.class, MeChange.class),
            AuditEntity.TEAM, List.of(TeamSettings.class));

    /** Recorded by rule: a tie, a unit, a merge, a follow-up completed by a conversation or moved to another action. */
    static final Map<AuditEntity, List<String>> BY_RULE = Map.of(
            AuditEntity.CONTACT, List.of("ties"),
            AuditEntity.ORGANIZATION, List.of("units", "merged"),
            AuditEntity.FOLLOW_UP, List.of("status", "sourceActionId"));

    /** A conversation's contact is never changed (a 400), so it is never recorded. */
    static final Set<String> NEVER_CHANGED = Set.of("contactId");

    @Test
    void everyFieldAChangeCanRecordHasALabel() {
        List<String> missing = new ArrayList<>();
        CHANGES.forEach((type, changes) -> {
            for (Class<? extends Record> change : changes) {
                for (RecordComponent c : change.getRecordComponents()) {
                    if (!NEVER_CHANGED.contains(c.getName()) && !AuditFieldLabels.has(type, c.getName())) {
                        missing.add(type.word() + "." + c.getName());
                    }
                }
            }
        });
        BY_RULE.forEach((type, names) -> names.stream().filter(n -> !AuditFieldLabels.has(type, n))
                .forEach(n -> missing.add(type.word() + "." + n)));
        assertTrue(missing.isEmpty(), "fields the audit page would show by their API name: " + missing);
    }
}
