package org.groundwork.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.action.Action;
import org.groundwork.action.ActionKind;
import org.groundwork.action.Attendance;
import org.groundwork.contact.Contact;
import org.groundwork.contact.Level;
import org.groundwork.contact.LevelChange;
import org.groundwork.contact.Position;
import org.groundwork.conversation.Channel;
import org.groundwork.conversation.Conversation;
import org.groundwork.followup.FollowUp;
import org.groundwork.followup.FollowUpReason;
import org.groundwork.followup.FollowUpService;
import org.groundwork.contact.Tie;
import org.groundwork.contact.TieKind;
import org.groundwork.organization.Organization;
import org.groundwork.organization.Unit;
import org.groundwork.organization.UnitKind;
import org.groundwork.organization.OrganizationKind;
import org.groundwork.organizer.Organizer;
import org.groundwork.organizer.Passwords;
import org.groundwork.organizer.Role;
import org.groundwork.organizer.Team;
import org.groundwork.work.Focus;
import org.groundwork.work.Mode;
import org.groundwork.work.Work;
import org.groundwork.platform.TeamScope;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic demo team for trying Groundwork out: {@code GROUNDWORK_DEMO=true} on an empty
 * database creates it at start. Deterministic (seeded), with dates relative to today, so the
 * queue and the reports always have something to show. One work ("Coalition with the housing
 * NGO") is meant to bring in new people but mostly puts its organizers with staff and cadre.
 */
@ApplicationScoped
public class DemoTeam {

    private static final Logger LOG = Logger.getLogger(DemoTeam.class);
    public static final String PASSWORD = "organize-demo";

    @Inject
    EntityManager em;
    @Inject
    FollowUpService followUps;

    @ConfigProperty(name = "groundwork.demo", defaultValue = "false")
    boolean demo;

    void onStart(@Observes StartupEvent event) {
        if (demo) {
            seedIfEmpty();
        }
    }

    /** Creates the demo team only when no organizer exists yet; returns whether it did. */
    public boolean seedIfEmpty() {
        String hash = Passwords.hash(PASSWORD);
        // at start, for no one: whether any organizer exists anywhere, then a new team
        return TeamScope.instanceWide(() -> QuarkusTransaction.joiningExisting().call(() -> seedIfNoOrganizer(hash)));
    }

    private boolean seedIfNoOrganizer(String hash) {
        em.createNativeQuery("select pg_advisory_xact_lock(4711)").getSingleResult();
        if (Organizer.count() > 0) {
            LOG.info("GROUNDWORK_DEMO is set but the database already has organizers; no demo team created");
            return false;
        }
        Credentials login = seedTeam("demo.groundwork.org", true, hash);
        LOG.infof("Demo team ready: log in at /login as %s with password %s (also %s, %s)",
                login.admin(), PASSWORD, login.coordinator(), login.organizer());
        return true;
    }

    public record Credentials(String admin, String coordinator, String organizer, UUID teamId) {
    }

    /**
     * The whole demo team; {@code domain} keeps emails unique when tests make several. The
     * password is hashed first (bcrypt takes a while on purpose): the transaction then only
     * writes, and holds its connection that much shorter.
     */
    public Credentials seed(String domain, boolean instanceAdmin) {
        String hash = Passwords.hash(PASSWORD);
        // a new team, written by no one of it
        return TeamScope.instanceWide(() -> QuarkusTransaction.joiningExisting().call(() -> seedTeam(domain, instanceAdmin, hash)));
    }

    private Credentials seedTeam(String domain, boolean instanceAdmin, String hash) {
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ZoneId zone = ZoneId.of("America/New_York");
        // every moment is made on the team's clocks, at hours when organizers are out: the pages
        // show times in the team's zone, and a visit at 04:10 would give the demo away
        LocalDate today = LocalDate.now(zone);

        Team team = new Team();
        team.name = "Riverside Tenants Union";
        team.timeZone = zone.getId();
        team.persist();

        Organizer ana = organizer(team, "ana@" + domain, "Ana Ruiz", Role.ADMIN, hash);
        ana.instanceAdmin = instanceAdmin;
        Organizer ben = organizer(team, "ben@" + domain, "Ben Okafor", Role.COORDINATOR, hash);
        Organizer chloe = organizer(team, "chloe@" + domain, "Chloe Nguyen", Role.ORGANIZER, hash);
        List<Organizer> organizers = List.of(ana, ben, chloe);
        LOG.infof("Demo team %s: team and %d organizers created", team.id, organizers.size());

        List<Organization> places = List.of(
                organization(team, "1400 River Street", OrganizationKind.BUILDING),
                organization(team, "Maple Court Apartments", OrganizationKind.BUILDING),
                organization(team, "Eastside Tenant Association", OrganizationKind.TENANT_ASSOCIATION),
                organization(team, "Housing Justice NGO", OrganizationKind.COMMUNITY));

        // the two buildings' floors: the columns of their wall charts
        List<List<Unit>> floors = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            List<Unit> these = new ArrayList<>();
            for (int f = 1; f <= (b == 0 ? 4 : 3); f++) {
                Unit u = new Unit();
                u.teamId = team.id;
                u.organizationId = places.get(b).id;
                u.kind = UnitKind.FLOOR;
                u.name = "Floor " + f;
                u.position = f - 1;
                u.persist();
                these.add(u);
            }
            floors.add(these);
        }

        Work committees = work(team, "Building committees", Focus.BRING_IN_NEW, Mode.BUILDING,
                "Every building needs a committee of its own tenants; we meet new neighbours door to door.");
        Work rentStrike = work(team, "Rent strike support", Focus.DEEPEN_INVOLVEMENT, Mode.SUPPORT,
                "Tenants already in the fight take on more: collecting pledges, speaking at meetings.");
        Work steering = work(team, "Steering committee", Focus.WORK_WITH_CADRE, Mode.BUILDING,
                "The people who run the union plan the next season together.");
        Work coalition = work(team, "Coalition with the housing NGO", Focus.BRING_IN_NEW, Mode.SUPPORT,
                "Meant to reach tenants the NGO serves; in practice it is meetings with their staff.");

        String[] first = {"Maria", "Dev", "Keisha", "Tomasz", "Lina", "Omar", "Grace", "Luis", "Aisha", "Peter",
                "Rosa", "Jamal", "Mei", "Samuel", "Fatima", "Hector", "Nadia", "Kwame", "Elena", "Yusuf",
                "Carmen", "Andre", "Sofia", "Ibrahim", "Hannah", "Miguel", "Priya", "Darnell", "Olga", "Chen",
                "Beatriz", "Tariq", "June", "Victor", "Amara", "Felix"};
        String[] last = {"Lopez", "Patel", "Johnson", "Nowak", "Haddad", "Farouk", "Kim", "Garcia", "Bello",
                "Schmidt", "Alvarez", "Wright", "Zhang", "Mensah", "Diallo", "Reyes"};
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            Contact c = new Contact();
            c.teamId = team.id;
            c.fullName = first[i] + " " + last[random.nextInt(last.length)];
            c.phone = String.format("(718) 555-%04d", 100 + i);
            c.email = i % 3 == 0 ? first[i].toLowerCase() + "@example.org" : null;
            // a base-heavy list with a few officers, staff, allies and one political group member
            c.position = i < 24 ? Position.BASE : i < 27 ? Position.OFFICER : i < 31 ? Position.STAFF
                    : i < 35 ? Position.ALLY : Position.POLITICAL_GROUP;
            c.engagementLevel = i % 5 == 0 || i >= 27 ? Level.CADRE : i % 2 == 0 ? Level.LESS_INVOLVED : Level.NEW;
            c.organizationId = places.get(i >= 31 ? 3 : i % 3).id;
            if (i < 31 && i % 3 < 2 && i % 7 != 6) {
                // tenants live on a floor; a few are not placed yet (the chart's "no unit" column)
                List<Unit> these = floors.get(i % 3);
                c.unitId = these.get((i / 3) % these.size()).id;
            }
            c.ownerId = organizers.get(i % 3).id;
            c.tags = i % 4 == 0 ? new String[]{"building-committee"} : new String[0];
            c.doNotContact = i == 20;
            c.createdAt = local(today, zone, now, 100 + random.nextInt(60), 9 + random.nextInt(10), 0);
            c.updatedAt = c.createdAt;
            contacts.add(c);
        }
        for (Contact c : contacts) {
            c.persist();
        }
        em.flush();
        // who listens to whom: in each building one organic leader others listen to, who is not
        // cadre yet (Tomasz at River Street is new, Lina at Maple Court less involved)
        int[][] listensTo = {{6, 3}, {9, 3}, {12, 3}, {18, 3}, {21, 3}, {15, 3},
                {1, 4}, {7, 4}, {13, 4}, {16, 4}, {10, 4}, {6, 12}};
        for (int[] t : listensTo) {
            tie(team, contacts.get(t[0]), contacts.get(t[1]), TieKind.LISTENS_TO, null);
        }
        tie(team, contacts.get(6), contacts.get(9), TieKind.CLOSE, "Carpool to the hospital every morning");
        tie(team, contacts.get(1), contacts.get(7), TieKind.FAMILY, "Sisters");
        tie(team, contacts.get(12), contacts.get(18), TieKind.NEIGHBOUR, "Same landing");
        tie(team, contacts.get(13), contacts.get(16), TieKind.CLOSE, null);
        for (Contact c : contacts) {
            // movement is the point: some people moved up during the last 90 days
            Level start = c.engagementLevel;
            if (c.engagementLevel != Level.NEW && random.nextInt(3) == 0) {
                start = c.engagementLevel == Level.CADRE ? Level.LESS_INVOLVED : Level.NEW;
            }
            levelChange(c, null, start, c.createdAt, ana, null);
            if (start != c.engagementLevel) {
                levelChange(c, start, c.engagementLevel, local(today, zone, now, 5 + random.nextInt(70), 20, 30),
                        organizers.get(random.nextInt(3)),
                        c.engagementLevel == Level.CADRE ? "Chairs the building committee now" : "Came to two meetings and brought a neighbour");
            }
        }

        LOG.infof("Demo team %s: %d organizations, 4 works, %d contacts with their level history", team.id, places.size(),
                contacts.size());
        // actions over the last 90 days; the newest was yesterday, with first-timers still hot
        // title, kind, work, days ago, minutes, starting hour on the team's clocks
        Object[][] actionPlan = {
                {"Picket at the landlord's office", ActionKind.PICKET, committees, 80, 120, 8},
                {"Maple Court general meeting", ActionKind.MEETING, committees, 45, 90, 19},
                {"Rent strike pledge drive", ActionKind.CANVASS, rentStrike, 30, 180, 10},
                {"Steering committee retreat", ActionKind.MEETING, steering, 20, 240, 10},
                {"Coalition planning meeting", ActionKind.MEETING, coalition, 12, 120, 14},
                {"March to City Hall", ActionKind.MARCH, rentStrike, 1, 150, 11}};
        for (Object[] plan : actionPlan) {
            Work work = (Work) plan[2];
            Action a = new Action();
            a.teamId = team.id;
            a.workId = work.id;
            a.title = (String) plan[0];
            a.kind = (ActionKind) plan[1];
            a.startsAt = local(today, zone, now, (Integer) plan[3], (Integer) plan[5], 0);
            a.durationMinutes = (Integer) plan[4];
            a.location = "Riverside";
            a.createdBy = ana.id;
            a.persist();
            em.flush();
            for (Organizer o : work == steering || work == coalition ? List.of(ana, ben) : organizers) {
                em.createNativeQuery("insert into action_organizer (action_id, organizer_id, team_id) values (?1, ?2, ?3)")
                        .setParameter(1, a.id).setParameter(2, o.id).setParameter(3, team.id).executeUpdate();
            }
            List<Contact> attendees = attendeesFor(work, steering, coalition, contacts, random);
            if (plan == actionPlan[actionPlan.length - 1]) {
                // five people who never came to anything before join the march: first-timers in the heat
                attendees.addAll(contacts.subList(1, 6));
            }
            // the march's first-timers in the heat get what the heat rule opens at a check-in
            Map<UUID, UUID> heat = new LinkedHashMap<>();
            for (Contact c : attendees) {
                boolean firstTime = Attendance.count("contactId", c.id) == 0 && c.engagementLevel != Level.CADRE;
                Attendance at = new Attendance();
                at.teamId = team.id;
                at.actionId = a.id;
                at.contactId = c.id;
                at.firstTime = firstTime;
                at.recordedBy = ana.id;
                at.persist();
                em.flush();
                if (firstTime && (Integer) plan[3] <= 2 && !c.doNotContact) {
                    heat.put(c.id, c.ownerId);
                }
            }
            followUps.openAfterActionAs(team, ana.id, heat, a.id);
        }

        LOG.infof("Demo team %s: %d actions with their attendance", team.id, actionPlan.length);
        // one-to-ones over the last 90 days; the coalition work mostly meets staff and cadre
        Channel[] channels = Channel.values();
        String[] summaries = {"Talked about the rent increase and the broken heating.",
                "Went through the strike pledge; worried about eviction, we talked about the legal fund.",
                "Planned the next building meeting together.",
                "Heard about mould in the bathroom; agreed to document it with photos.",
                "Discussed why the landlord keeps delaying repairs and who else is affected."};
        for (int i = 0; i < 150; i++) {
            Work work = List.of(committees, committees, rentStrike, steering, coalition).get(random.nextInt(5));
            Contact c = pickFor(work, steering, coalition, contacts, random);
            Conversation conv = new Conversation();
            conv.teamId = team.id;
            conv.contactId = c.id;
            conv.organizerId = organizers.get(random.nextInt(3)).id;
            conv.workId = random.nextInt(10) == 0 ? null : work.id;
            conv.channel = channels[random.nextInt(channels.length)];
            // house visits in the evening, the rest in the day, from 9:00 to 20:50
            int hour = conv.channel == Channel.HOUSE_VISIT ? 17 + random.nextInt(4) : 9 + random.nextInt(12);
            conv.occurredAt = local(today, zone, now, random.nextInt(90), hour, 10 * random.nextInt(6));
            conv.durationMinutes = 10 + random.nextInt(50);
            conv.summary = summaries[random.nextInt(summaries.length)];
            conv.politicalDiscussion = random.nextInt(4) == 0;
            conv.createdAt = conv.occurredAt;
            conv.updatedAt = conv.occurredAt;
            conv.persist();
        }
        em.flush();
        em.createNativeQuery("""
                        update contact c set last_conversation_at =
                          (select max(occurred_at) from conversation v where v.contact_id = c.id)
                        where c.team_id = ?1""")
                .setParameter(1, team.id).executeUpdate();

        LOG.infof("Demo team %s: 150 conversations", team.id);
        // next steps for each organizer: some overdue, some today, some coming up
        for (int i = 0; i < 9; i++) {
            Contact c = contacts.get(1 + i * 3);
            if (!c.doNotContact) {
                nextStep(c, organizers.get(i % 3).id, today.plusDays(i - 3), "Bring the signed pledge card", ana);
            }
        }
        em.flush();
        LOG.infof("Demo team %s: follow-ups due; done", team.id);
        return new Credentials(ana.email, ben.email, chloe.email, team.id);
    }

    /** {@code hour:minute} on the team's clocks {@code daysAgo} days back; a day earlier if that is still to come. */
    static Instant local(LocalDate today, ZoneId zone, Instant now, int daysAgo, int hour, int minute) {
        Instant at = today.minusDays(daysAgo).atTime(hour, minute).atZone(zone).toInstant();
        return at.isAfter(now) ? today.minusDays(daysAgo + 1L).atTime(hour, minute).atZone(zone).toInstant() : at;
    }

    private List<Contact> attendeesFor(Work work, Work steering, Work coalition, List<Contact> contacts, Random random) {
        List<Contact> chosen = new ArrayList<>();
        for (Contact c : contacts.subList(6, contacts.size())) {
            boolean fits = work == steering ? c.engagementLevel == Level.CADRE
                    : work == coalition ? c.position == Position.STAFF || c.position == Position.ALLY
                    : c.position == Position.BASE;
            if (fits && random.nextInt(3) > 0) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    private Contact pickFor(Work work, Work steering, Work coalition, List<Contact> contacts, Random random) {
        for (int tries = 0; tries < 50; tries++) {
            Contact c = contacts.get(random.nextInt(contacts.size()));
            boolean fits = work == steering ? c.engagementLevel == Level.CADRE
                    : work == coalition ? c.position != Position.BASE || c.engagementLevel == Level.CADRE
                    : c.position == Position.BASE;
            if (fits) {
                return c;
            }
        }
        return contacts.get(0);
    }

    private Organizer organizer(Team team, String email, String name, Role role, String hash) {
        Organizer o = new Organizer();
        o.teamId = team.id;
        o.email = email;
        o.displayName = name;
        o.role = role;
        o.passwordHash = hash;
        o.persist();
        return o;
    }

    /** Symmetric ties are stored once, the smaller id first (as PostgreSQL orders uuids). */
    private void tie(Team team, Contact from, Contact to, TieKind kind, String note) {
        Tie t = new Tie();
        t.teamId = team.id;
        t.kind = kind;
        boolean keep = kind == TieKind.LISTENS_TO || from.id.toString().compareTo(to.id.toString()) < 0;
        t.contactId = keep ? from.id : to.id;
        t.otherContactId = keep ? to.id : from.id;
        t.note = note;
        t.persist();
    }

    private Organization organization(Team team, String name, OrganizationKind kind) {
        Organization o = new Organization();
        o.teamId = team.id;
        o.name = name;
        o.kind = kind;
        o.persist();
        return o;
    }

    private Work work(Team team, String name, Focus focus, Mode mode, String justification) {
        Work w = new Work();
        w.teamId = team.id;
        w.name = name;
        w.focus = focus;
        w.mode = mode;
        w.justification = justification;
        w.persist();
        return w;
    }

    private void levelChange(Contact c, Level from, Level to, Instant at, Organizer by, String reason) {
        LevelChange change = new LevelChange();
        change.teamId = c.teamId;
        change.contactId = c.id;
        change.fromLevel = from;
        change.toLevel = to;
        change.changedAt = at;
        change.changedBy = by.id;
        change.reason = reason;
        change.persist();
    }

    private void nextStep(Contact c, UUID assignee, LocalDate dueOn, String purpose, Organizer by) {
        FollowUp f = new FollowUp();
        f.teamId = c.teamId;
        f.contactId = c.id;
        f.assigneeId = assignee;
        f.dueOn = dueOn;
        f.purpose = purpose;
        f.reason = FollowUpReason.NEXT_STEP;
        f.createdBy = by.id;
        f.persist();
    }
}
