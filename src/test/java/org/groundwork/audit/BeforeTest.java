package org.groundwork.audit;

import org.groundwork.action.Action;
import org.groundwork.action.ActionJson.ActionChange;
import org.groundwork.contact.Contact;
import org.groundwork.contact.ContactJson.ContactChange;
import org.groundwork.contact.Position;
import org.groundwork.conversation.Conversation;
import org.groundwork.conversation.ConversationJson.ConversationChange;
import org.groundwork.followup.FollowUp;
import org.groundwork.followup.FollowUpJson.FollowUpChange;
import org.groundwork.organization.Organization;
import org.groundwork.organization.OrganizationJson.OrganizationChange;
import org.groundwork.organization.Unit;
import org.groundwork.organization.UnitJson.UnitChange;
import org.groundwork.organizer.Organizer;
import org.groundwork.organizer.OrganizerJson.MeChange;
import org.groundwork.organizer.OrganizerJson.OrganizerChange;
import org.groundwork.organizer.OrganizerJson.TeamSettings;
import org.groundwork.organizer.Team;
import org.groundwork.work.Work;
import org.groundwork.work.WorkJson.WorkChange;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@link Before} tells a change from a field sent as it was. */
class BeforeTest {

    @Test
    void onlyTheFieldsWhoseValueDiffersAreNamed() {
        Contact c = new Contact();
        c.fullName = "Rosa Diaz";
        c.phone = "718 555 0101";
        c.tags = new String[] {"tenant", "night"};
        c.position = Position.BASE;
        Before before = Before.of(c, ContactChange.class);
        assertEquals(List.of(), before.changed(), "nothing touched");

        // the whole form put back as it was: equal values, a new but equal array
        c.fullName = "Rosa Diaz";
        c.tags = new String[] {"tenant", "night"};
        assertEquals(List.of(), before.changed());

        c.phone = null;
        c.tags[1] = "day"; // changed in place: the kept copy still differs
        c.unitId = UUID.randomUUID(); // not sent, but moved: named too
        c.lastConversationAt = java.time.Instant.now(); // not a field of the change type: never named
        assertEquals(List.of("phone", "tags", "unitId"), before.changed());
    }

    @Test
    void whatIsKeptBesideTheRowIsComparedAsTheServiceReadsIt() {
        Action a = new Action();
        Set<UUID> present = new HashSet<>(Set.of(UUID.randomUUID()));
        Before before = Before.of(a, ActionChange.class).and("organizerIds", () -> Set.copyOf(present));
        assertEquals(List.of(), before.changed());
        present.add(UUID.randomUUID());
        assertEquals(List.of("organizerIds"), before.changed());
    }

    /**
     * Each change type's fields are the entity's, by the same names, so Before compares every one:
     * a field renamed on one side only would go unrecorded. Listed apart: what is kept beside the
     * row (read by the service) and what a change refuses to change.
     */
    @Test
    void everyFieldOfAChangeTypeIsAFieldOfItsEntity() {
        Map<Class<? extends Record>, Class<?>> entities = Map.of(
                ContactChange.class, Contact.class,
                ConversationChange.class, Conversation.class,
                FollowUpChange.class, FollowUp.class,
                WorkChange.class, Work.class,
                ActionChange.class, Action.class,
                OrganizationChange.class, Organization.class,
                UnitChange.class, Unit.class,
                OrganizerChange.class, Organizer.class,
                MeChange.class, Organizer.class,
                TeamSettings.class, Team.class);
        Set<String> beside = Set.of("ActionChange.organizerIds");
        List<String> missing = new ArrayList<>();
        entities.forEach((change, entity) -> {
            for (RecordComponent c : change.getRecordComponents()) {
                String name = change.getSimpleName() + "." + c.getName();
                if (!beside.contains(name) && !hasField(entity, c.getName())) {
                    missing.add(name);
                }
            }
        });
        assertTrue(missing.isEmpty(), "change fields the audit could not compare: " + missing);
    }

    private static boolean hasField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                c.getDeclaredField(name);
                return true;
            } catch (NoSuchFieldException e) {
                // a superclass may have it
            }
        }
        return false;
    }
}
