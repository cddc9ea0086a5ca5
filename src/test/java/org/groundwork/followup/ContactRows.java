package org.groundwork.followup;

import org.groundwork.support.AllTeams;

import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;
import org.groundwork.support.TestTeam;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Contacts written straight into the database: the contact endpoints are built elsewhere,
 * and tests here need control over created_at, level, owner and doNotContact anyway.
 */
public final class ContactRows {

    private final String teamId;
    private String ownerId;
    private String name = "Contact " + TestTeam.unique();
    private String level = "new";
    private String position = "base";
    private String phone = "+1 555 0100";
    private boolean doNotContact;
    private Instant createdAt = Instant.now();

    private ContactRows(TestTeam team) {
        this.teamId = team.teamId;
        this.ownerId = team.adminId;
    }

    public static ContactRows in(TestTeam team) {
        return new ContactRows(team);
    }

    public ContactRows owner(String organizerId) {
        this.ownerId = organizerId;
        return this;
    }

    public ContactRows name(String name) {
        this.name = name;
        return this;
    }

    public ContactRows level(String level) {
        this.level = level;
        return this;
    }

    public ContactRows doNotContact() {
        this.doNotContact = true;
        return this;
    }

    public ContactRows createdDaysAgo(int days) {
        this.createdAt = Instant.now().minus(Duration.ofDays(days));
        return this;
    }

    /** Inserts the contact and its first level change; returns its id. */
    public String insert() {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(createdAt);
        sql("""
                insert into contact (id, team_id, full_name, phone, owner_id, position, engagement_level,
                                     do_not_contact, created_at, updated_at, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, 0)""",
                id, UUID.fromString(teamId), name, phone, UUID.fromString(ownerId), position, level, doNotContact, at);
        sql("""
                insert into level_change (id, team_id, contact_id, from_level, to_level, changed_at, changed_by, reason)
                values (?1, ?2, ?3, null, ?4, ?5, ?6, 'created by a test')""",
                UUID.randomUUID(), UUID.fromString(teamId), id, level, at, UUID.fromString(ownerId));
        return id.toString();
    }

    /** Runs one statement in its own committed transaction. */
    public static void sql(String statement, Object... params) {
        AllTeams.run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    /** Reads one number (a count) in its own transaction. */
    public static long count(String query, Object... params) {
        return AllTeams.call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var q = em.createNativeQuery(query);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
