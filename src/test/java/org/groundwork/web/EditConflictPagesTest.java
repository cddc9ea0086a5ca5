package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.HeldLocks;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * The browser walk's "two tabs editing one contact: the second tab's typing is lost". The second
 * save, read before the first, still does not overwrite it (412), but now comes back at the version
 * stored now, showing what is stored, with what was typed under each field where it differs: the
 * organizer copies back what they meant to change and saves again, and nothing the first tab saved
 * is undone by it. One place does it for every edit form (Form.onConflict).
 */
@QuarkusTest
class EditConflictPagesTest {

    @Inject
    DataSource dataSource;

    /**
     * The review's "a save that loses at its write gets the error page": the other save held open on the test's
     * connection, this tab's version passes the service's check and its write then finds the row moved on (an
     * optimistic lock). It gets the same form as a save read a moment later would: what is stored now, what was
     * typed under it, nothing overwritten.
     */
    @Test
    void aSaveThatLosesAtItsWriteComesBackAsTheFormNotAnErrorPage() throws Exception {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz", "notes", "Met at the laundromat"));
        Session s = Session.logIn(team);
        String form = s.open("/contacts/" + id + "/edit");
        CompletableFuture<Response> tab2;
        try (Connection first = AllTeams.connection(dataSource)) {
            first.setAutoCommit(false);
            HeldLocks.execute(first, "update contact set notes = 'Chairs the tenants meeting', version = version + 1, "
                    + "updated_at = now() where id = ?", id);
            tab2 = CompletableFuture.supplyAsync(() -> contactTab(s, id, form, "Rosa María Díaz", "", "Met at the laundromat\r\nHas a car"));
            HeldLocks.waitUntilBlocked(dataSource, first, tab2);
            first.commit();
        }
        tab2.get().then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("This was saved elsewhere while you were editing"))
                .body(containsString("name=\"version\" value=\"1\""))
                .body(containsString("Chairs the tenants meeting</textarea>"))
                .body(matchesPattern(youTyped("notes", "Met at the laundromat\\s+Has a car")))
                .body(containsString("value=\"Rosa María Díaz\""));
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Rosa Diaz"))
                .body("notes", equalTo("Chairs the tenants meeting"));
    }

    /**
     * The walk's "another admin turns required two-factor on; my settings form, read before, turns it back off without
     * a word". The team's settings carry their version as every edit form does: the stale form comes back at the
     * version stored now with the other admin's change kept and what this tab changed still in its field; the API
     * answers the team with an ETag and a stale If-Match with 412.
     */
    @Test
    void theTeamsSettingsReadBeforeAnotherAdminsSaveDoNotUndoIt() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String form = s.open("/settings");
        String etag = team.api().get("/api/v1/team").then().statusCode(200).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotNull(etag);
        // the other admin: required two-factor on, through the API at the version it read
        team.api().header("If-Match", etag).body(Map.of("twoFactorRequired", true, "coolingDays", 30))
                .patch("/api/v1/team").then().statusCode(200).body("twoFactorRequired", equalTo(true));
        team.api().header("If-Match", etag).body(Map.of("coolingDays", 40)).patch("/api/v1/team")
                .then().statusCode(412).contentType("application/problem+json");
        // this tab changes only the heat window, the rest of its form as it was drawn
        Response stale = s.form().formParam("version", drawn(form, "version")).formParam("drawn", drawn(form, "drawn"))
                .formParam("name", drawn(form, "name")).formParam("timeZone", drawn(form, "timeZone"))
                .formParam("heatWindowDays", "5").formParam("coolingDays", drawn(form, "coolingDays"))
                .formParam("phoneCountryCode", drawn(form, "phoneCountryCode")).post("/settings/team");
        stale.then().statusCode(409).body(containsString("This was saved elsewhere while you were editing"))
                .body(matchesPattern("(?s).*name=\"heatWindowDays\"[^>]*value=\"5\".*"))
                .body(matchesPattern("(?s).*name=\"coolingDays\"[^>]*value=\"30\".*"))
                .body(matchesPattern("(?s).*name=\"twoFactorRequired\"[^>]*checked.*"));
        team.api().get("/api/v1/team").then().body("twoFactorRequired", equalTo(true)).body("coolingDays", equalTo(30))
                .body("heatWindowDays", not(equalTo(5)));
        // saved again as drawn: this tab's heat window and the other admin's two-factor and cooling days
        String again = stale.asString();
        s.form().formParam("version", drawn(again, "version")).formParam("drawn", drawn(again, "drawn"))
                .formParam("name", drawn(again, "name")).formParam("timeZone", drawn(again, "timeZone"))
                .formParam("heatWindowDays", drawn(again, "heatWindowDays")).formParam("coolingDays", drawn(again, "coolingDays"))
                .formParam("twoFactorRequired", "true").formParam("phoneCountryCode", drawn(again, "phoneCountryCode"))
                .post("/settings/team").then().statusCode(303);
        team.api().get("/api/v1/team").then().body("twoFactorRequired", equalTo(true)).body("coolingDays", equalTo(30))
                .body("heatWindowDays", equalTo(5));
    }

    /**
     * The walk: an organization's or a unit's rename form carried no version, so a tab drawn before another
     * tab's rename wrote its whole name and kind back over it without a word. Now a 409 that keeps the other
     * save and this tab's own change.
     */
    @Test
    void anOrganizationOrAUnitRenamedInAnotherTabIsNotUndoneByAStaleForm() {
        TestTeam team = TestTeam.create();
        String org = team.api().body(Map.of("name", "Housing Justice NGO", "kind", "community"))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        String unit = team.api().body(Map.of("name", "Floor 1", "kind", "floor"))
                .post("/api/v1/organizations/" + org + "/units").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        String first = s.open("/organizations/" + org);
        String second = s.open("/organizations/" + org);
        s.form().formParam("version", drawn(first, "version")).formParam("drawn", drawn(first, "drawn"))
                .formParam("name", "Housing Justice Network").formParam("kind", "community")
                .post("/organizations/" + org + "/rename").then().statusCode(303);
        // the second tab changes only the kind, its name sent back as drawn
        Response stale = s.form().formParam("version", drawn(second, "version")).formParam("drawn", drawn(second, "drawn"))
                .formParam("name", "Housing Justice NGO").formParam("kind", "union")
                .post("/organizations/" + org + "/rename");
        stale.then().statusCode(409).body(containsString("This was saved elsewhere while you were editing"))
                .body(matchesPattern("(?s).*name=\"name\"[^>]*value=\"Housing Justice Network\".*"))
                .body(matchesPattern("(?s).*<option value=\"union\" selected>.*"));
        team.api().get("/api/v1/organizations/" + org).then().body("name", equalTo("Housing Justice Network"))
                .body("kind", equalTo("community"));
        String again = stale.asString();
        s.form().formParam("version", drawn(again, "version")).formParam("drawn", drawn(again, "drawn"))
                .formParam("name", drawn(again, "name")).formParam("kind", "union")
                .post("/organizations/" + org + "/rename").then().statusCode(303);
        team.api().get("/api/v1/organizations/" + org).then().body("name", equalTo("Housing Justice Network"))
                .body("kind", equalTo("union"));

        // the unit's rename form the same way
        String unitFirst = s.open("/organizations/" + org + "/units/" + unit);
        String unitSecond = s.open("/organizations/" + org + "/units/" + unit);
        s.form().formParam("version", drawn(unitFirst, "version")).formParam("drawn", drawn(unitFirst, "drawn"))
                .formParam("unitName", "Ground").formParam("unitKind", "floor")
                .post("/organizations/" + org + "/units/" + unit + "/rename").then().statusCode(303);
        Response staleUnit = s.form().formParam("version", drawn(unitSecond, "version"))
                .formParam("drawn", drawn(unitSecond, "drawn")).formParam("unitName", "First").formParam("unitKind", "floor")
                .post("/organizations/" + org + "/units/" + unit + "/rename");
        // both changed the name: what this tab typed is said under it, what is stored is in the field
        staleUnit.then().statusCode(409).body(containsString("This was saved elsewhere while you were editing"))
                .body(matchesPattern("(?s).*name=\"unitName\"[^>]*value=\"Ground\".*"))
                .body(matchesPattern(youTyped("unitName", "First")));
        team.api().get("/api/v1/organizations/" + org + "/units/" + unit).then().body("name", equalTo("Ground"));
    }

    /**
     * A unit's position is in its version, so its rename form drawn before an Up or Down met the conflict with
     * nothing to show. Now the rename is saved at the version stored now, and the move stays; a rename made
     * meanwhile still comes back (above).
     */
    @Test
    void aUnitMovedUpMeanwhileIsRenamedWithoutAConflict() {
        TestTeam team = TestTeam.create();
        String org = team.api().body(Map.of("name", "Depot", "kind", "workplace"))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        String first = team.api().body(Map.of("name", "Day shift", "kind", "shift"))
                .post("/api/v1/organizations/" + org + "/units").then().statusCode(201).extract().path("id");
        String second = team.api().body(Map.of("name", "Nite shift", "kind", "shift"))
                .post("/api/v1/organizations/" + org + "/units").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        String form = s.open("/organizations/" + org + "/units/" + second);
        s.form().post("/organizations/" + org + "/units/" + second + "/up").then().statusCode(303);
        s.form().formParam("version", drawn(form, "version")).formParam("drawn", drawn(form, "drawn"))
                .formParam("unitName", "Night shift").formParam("unitKind", "shift")
                .post("/organizations/" + org + "/units/" + second + "/rename").then().statusCode(303);
        team.api().get("/api/v1/organizations/" + org + "/units/" + second).then().body("name", equalTo("Night shift"))
                .body("position", equalTo(0));
        team.api().get("/api/v1/organizations/" + org + "/units/" + first).then().body("position", equalTo(1));

        // an organization renamed and named back meanwhile: the form's fields are as drawn, saved (the walk: the
        // add-unit form's kind, not among the fields drawn, made every such save a conflict)
        String orgForm = s.open("/organizations/" + org);
        team.api().body(Map.of("name", "Depot B")).patch("/api/v1/organizations/" + org).then().statusCode(200);
        team.api().body(Map.of("name", "Depot")).patch("/api/v1/organizations/" + org).then().statusCode(200);
        s.form().formParam("version", drawn(orgForm, "version")).formParam("drawn", drawn(orgForm, "drawn"))
                .formParam("name", "Central Depot").formParam("kind", "workplace")
                .post("/organizations/" + org + "/rename").then().statusCode(303);
        team.api().get("/api/v1/organizations/" + org).then().body("name", equalTo("Central Depot"));
    }

    /**
     * The walk: the edit page shows a person's tags joined with commas and reads them back split there, so a tag
     * stored with a comma in it (before the API refused one) came back as two from a save of the notes. A field
     * sent back as drawn is not written: the tags stay as stored; a semicolon typed in the box is refused beside it.
     */
    @Test
    void tagsSentBackAsDrawnAreLeftAsStored() throws Exception {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz", "tags", java.util.List.of("building-a")));
        try (Connection c = AllTeams.connection(dataSource)) {
            HeldLocks.execute(c, "update contact set tags = array['rent strike, 2026', 'building-a'] where id = ?", id);
        }
        Session s = Session.logIn(team);
        String form = s.open("/contacts/" + id + "/edit");
        s.form().formParam("version", drawn(form, "version")).formParam("drawn", drawn(form, "drawn"))
                .formParam("fullName", "Rosa Diaz").formParam("position", "base").formParam("tags", drawn(form, "tags"))
                .formParam("notes", "Chairs the tenants meeting").post("/contacts/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + id).then().body("tags", org.hamcrest.Matchers.contains("rent strike, 2026", "building-a"))
                .body("notes", equalTo("Chairs the tenants meeting"));

        String again = s.open("/contacts/" + id + "/edit");
        Response semicolon = s.form().formParam("version", drawn(again, "version")).formParam("drawn", drawn(again, "drawn"))
                .formParam("fullName", "Rosa Diaz").formParam("position", "base").formParam("tags", "rent; strike")
                .post("/contacts/" + id + "/edit");
        PageFormsTest.assertFieldError(semicolon, "tags", "must not hold a semicolon");
        team.api().get("/api/v1/contacts/" + id).then().body("tags", org.hamcrest.Matchers.contains("rent strike, 2026", "building-a"));
        // through the API, the stored tag sent back as read passes (one added beside it); a new one like it does not
        team.api().body(Map.of("tags", java.util.List.of("rent strike, 2026", "building-a", "night shift")))
                .patch("/api/v1/contacts/" + id).then().statusCode(200)
                .body("tags", org.hamcrest.Matchers.contains("rent strike, 2026", "building-a", "night shift"));
        team.api().body(Map.of("tags", java.util.List.of("rent strike, 2027"))).patch("/api/v1/contacts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("tags[0]"));
    }

    /**
     * The walk: a conversation's form drawn before an admin changed the team's time zone, saved with only its summary
     * changed, moved the conversation by the zones' difference (its time, shown on the old clocks, was read on the
     * new ones). The time sent back as drawn is not written.
     */
    @Test
    void aTimeSentBackAsDrawnStaysWhenTheTeamsZoneChangedMeanwhile() {
        TestTeam team = TestTeam.create("America/New_York");
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "phone",
                        "occurredAt", "2026-11-20T15:00:00Z", "summary", "Rent strike"))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        String form = s.open("/conversations/" + id + "/edit");
        String etag = team.api().get("/api/v1/team").then().extract().header("ETag");
        team.api().header("If-Match", etag).body(Map.of("timeZone", "Europe/Berlin")).patch("/api/v1/team")
                .then().statusCode(200);
        tab(s, id, form, "Rent strike, the building's", "").then().statusCode(303);
        team.api().get("/api/v1/conversations/" + id).then().body("occurredAt", equalTo("2026-11-20T15:00:00Z"))
                .body("summary", equalTo("Rent strike, the building's"));
    }

    /**
     * Walk 57b: the log form opened before the team's zone changed logged the talk by the zones' difference (Auckland
     * to New York: 18 hours ahead). Its "when" sent back as drawn is the minute the form was opened.
     */
    @Test
    void aNewConversationsWhenLeftAsDrawnIsTheMinuteTheFormWasOpened() {
        TestTeam team = TestTeam.create("Pacific/Auckland");
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Ella Reeve Bloor"));
        Session s = Session.logIn(team);
        // a form opened two hours ago (its key's time, as OneTimeKeyPagesTest makes one)
        long opened = System.currentTimeMillis() - 2 * 3600_000L;
        String key = new java.util.UUID((opened << 16) | (0x7L << 12) | 1, 0x8000000000000001L).toString();
        String form = s.open("/conversations/new?contact=" + contact + "&" + Form.KEY + "=" + key);
        java.util.function.Function<String, String> field = name -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(form);
            org.junit.jupiter.api.Assertions.assertTrue(m.find(), name + " is drawn");
            return m.group(1);
        };
        String etag = team.api().get("/api/v1/team").then().extract().header("ETag");
        team.api().header("If-Match", etag).body(Map.of("timeZone", "America/New_York")).patch("/api/v1/team")
                .then().statusCode(200);
        s.form().formParam(Form.KEY, key).formParam("contactId", contact).formParam("drawn", field.apply("drawn"))
                .formParam("occurredAt", field.apply("occurredAt")).formParam("channel", "phone")
                .formParam("durationMinutes", "20").formParam("summary", "Talked about the lockout")
                .post("/conversations").then().statusCode(303);
        String expected = java.time.Instant.ofEpochMilli(opened).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        team.api().get("/api/v1/conversations?contact=" + contact).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].occurredAt", equalTo(expected));

        // Back, other words, sent again: the form comes back with a new key and the first "when" still in its box;
        // saved so, that "when" is read on the team's clocks as typed, not taken as the moment the new key was made
        // (the review: the talk was logged at the minute of the refusal)
        String refused = s.form().formParam(Form.KEY, key).formParam("contactId", contact).formParam("drawn", field.apply("drawn"))
                .formParam("occurredAt", field.apply("occurredAt")).formParam("channel", "phone")
                .formParam("durationMinutes", "20").formParam("summary", "Talked about the lockout, and the rent")
                .post("/conversations").then().statusCode(409).extract().asString();
        java.util.function.Function<String, String> again = name -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(refused);
            org.junit.jupiter.api.Assertions.assertTrue(m.find(), name + " is drawn again");
            return m.group(1);
        };
        org.junit.jupiter.api.Assertions.assertNotEquals(key, again.apply(Form.KEY), "a new key");
        s.form().formParam(Form.KEY, again.apply(Form.KEY)).formParam("contactId", contact).formParam("drawn", again.apply("drawn"))
                .formParam("occurredAt", again.apply("occurredAt")).formParam("channel", "phone")
                .formParam("durationMinutes", "20").formParam("summary", "Talked about the lockout, and the rent")
                .post("/conversations").then().statusCode(303);
        String typed = java.time.LocalDateTime.parse(again.apply("occurredAt")).atZone(java.time.ZoneId.of("America/New_York"))
                .toInstant().toString();
        team.api().get("/api/v1/conversations?contact=" + contact).then().statusCode(200)
                .body("items.occurredAt", org.hamcrest.Matchers.containsInAnyOrder(expected, typed));
    }

    /** What was typed, under a field, as the form says it after the conflict. */
    static String youTyped(String field, String shown) {
        return "(?s).*id=\"f-" + field + "-typed\">You typed: <strong>" + shown + "</strong>.*";
    }

    @Test
    void theSecondTabsTypingComesBackWithWhatTheFirstSaved() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz", "phone", "718 555 0101",
                "notes", "Met at the laundromat"));
        Session s = Session.logIn(team);
        // both tabs read the form at version 0
        s.open("/contacts/" + id + "/edit");

        // tab 1 saves a new phone and position
        s.form().formParam("version", "0").formParam("fullName", "Rosa Diaz").formParam("phone", "718 555 0199")
                .formParam("position", "officer").formParam("notes", "Met at the laundromat")
                .post("/contacts/" + id + "/edit").then().statusCode(303);

        // tab 2 had typed her full name and a line of notes (a browser sends a text area's lines with CRLF)
        Response tab2 = s.form().formParam("version", "0").formParam("fullName", "Rosa María Díaz")
                .formParam("phone", "718 555 0101").formParam("position", "base")
                .formParam("notes", "Met at the laundromat\r\nChairs the tenants meeting").post("/contacts/" + id + "/edit");
        tab2.then().statusCode(409)
                .body(containsString("This was saved elsewhere while you were editing"))
                // the form shows what is stored now, at the version stored now
                .body(containsString("value=\"Rosa Diaz\""))
                .body(containsString("value=\"718 555 0199\""))
                .body(matchesPattern("(?s).*<option value=\"officer\" selected>.*"))
                .body(containsString("name=\"version\" value=\"1\""))
                // and under each field typed otherwise, what was typed (a choice by its label)
                .body(matchesPattern(youTyped("fullName", "Rosa María Díaz")))
                .body(matchesPattern(youTyped("phone", "718 555 0101")))
                .body(matchesPattern(youTyped("position", "Base")))
                .body(matchesPattern(youTyped("notes", "Met at the laundromat\\s+Chairs the tenants meeting")))
                .body(matchesPattern("(?s).*aria-describedby=\"f-phone-typed\".*"))
                // and nothing under a field both say the same
                .body(not(containsString("id=\"f-email-typed\"")));
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Rosa Diaz"))
                .body("phone", equalTo("718 555 0199")).body("position", equalTo("officer"));

        // the form as drawn, saved again with only the name and the notes typed back: the first tab's
        // phone and position stay (saving the stale typing again as it was would have undone them)
        s.form().formParam("version", "1").formParam("fullName", "Rosa María Díaz").formParam("phone", "718 555 0199")
                .formParam("position", "officer").formParam("notes", "Met at the laundromat\r\nChairs the tenants meeting")
                .post("/contacts/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Rosa María Díaz"))
                .body("phone", equalTo("718 555 0199")).body("position", equalTo("officer"))
                .body("notes", containsString("Chairs the tenants meeting"));
    }

    @Test
    void aRefusalOnTheFormDrawnAgainStillKeepsTheTyping() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Sam Okafor"));
        Session s = Session.logIn(team);
        s.open("/contacts/" + id + "/edit");
        team.api().body(Map.of("notes", "Changed by a script")).patch("/api/v1/contacts/" + id).then().statusCode(200);
        s.form().formParam("version", "0").formParam("fullName", "Samuel Okafor").formParam("position", "base")
                .formParam("email", "sam@example.org").post("/contacts/" + id + "/edit").then().statusCode(409)
                .body(not(containsString("value=\"sam@example.org\"")))
                .body(containsString("Changed by a script</textarea>"))
                .body(matchesPattern(youTyped("notes", "\\(empty\\)")))
                .body(matchesPattern(youTyped("email", "sam@example.org")));
        // saved again with a mistake: the field's own message, the typing still there, the version kept
        Response bad = s.form().formParam("version", "1").formParam("fullName", "Samuel Okafor").formParam("position", "base")
                .formParam("email", "not an email").post("/contacts/" + id + "/edit");
        PageFormsTest.assertFieldError(bad, "email", "Enter an email address");
        bad.then().body(containsString("value=\"Samuel Okafor\"")).body(containsString("name=\"version\" value=\"1\""));
        s.form().formParam("version", "1").formParam("fullName", "Samuel Okafor").formParam("position", "base")
                .formParam("email", "sam@example.org").formParam("notes", "Changed by a script")
                .post("/contacts/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Samuel Okafor"))
                .body("notes", equalTo("Changed by a script"));
    }

    /** A field's value as the page drew it (an input's value, or a text area's words). */
    /** A hidden field's or a box's value as a page drew it. */
    static String drawn(String page, String name) {
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("name=\"" + name + "\"[^>]*?value=\"([^\"]*)\"").matcher(page);
        if (input.find()) {
            return input.group(1);
        }
        java.util.regex.Matcher area = java.util.regex.Pattern.compile("name=\"" + name + "\"[^>]*>([^<]*)</textarea>").matcher(page);
        // as a browser reads it: the line break right after <textarea> is not the value's (tags/textarea.html)
        return !area.find() ? "" : area.group(1).startsWith("\n") ? area.group(1).substring(1) : area.group(1);
    }

    /**
     * The walk's "the conflict tells me to copy back the old summary": tab 2 changed only what the
     * person cares about, yet was shown "You typed: <the summary as tab 1 found it>" under the summary
     * tab 1 had changed, and copying it back, as the message says, undid tab 1's save. The form now
     * carries what each field held when drawn (Form.DRAWN): a field sent back as drawn was not this
     * tab's change and takes what is saved without a word.
     */
    @Test
    void onlyTheFieldsThisTabChangedAreSaidToBeTyped() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 20, "channel", "phone",
                        "summary", "Talked about the repairs", "issues", "Heating"))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        String form = s.open("/conversations/" + id + "/edit");
        String read = drawn(form, "drawn");
        org.junit.jupiter.api.Assertions.assertTrue(read.contains("summary:"), "the form carries what it drew: " + read);

        // tab 1 changes the summary
        tab(s, id, form, "Talked about the repairs and the rent strike", "Heating").then().statusCode(303);
        // tab 2, read before, changes only the issues
        Response tab2 = tab(s, id, form, "Talked about the repairs", "Heating and mould");
        tab2.then().statusCode(409)
                .body(containsString("This was saved elsewhere while you were editing"))
                .body(containsString("Talked about the repairs and the rent strike</textarea>"))
                .body(not(containsString("id=\"f-summary-typed\"")))
                // tab 1 left the issues as drawn: tab 2's change stays in the field, nothing to copy back
                .body(containsString("Heating and mould</textarea>"))
                .body(containsString("keeps yours"))
                .body(not(containsString("-typed\"")));
        // the form drawn again carries what it holds now: saved as it is, both changes stay
        String again = tab2.asString();
        tab(s, id, again, drawn(again, "summary"), drawn(again, "issues")).then().statusCode(303);
        team.api().get("/api/v1/conversations/" + id).then()
                .body("summary", equalTo("Talked about the repairs and the rent strike"))
                .body("issues", equalTo("Heating and mould"));
    }

    /**
     * The three cases of a field after a save made meanwhile, on one form: left as drawn by this tab (the
     * other's change shown, nothing said), changed by this tab only (its typing stays in the field), and
     * changed by both (what is saved shown, what this tab typed under it).
     */
    @Test
    void aFieldOnlyThisTabChangedKeepsItsTypingAndOneBothChangedIsAskedAbout() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz", "phone", "718 555 0101",
                "notes", "Met at the laundromat"));
        Session s = Session.logIn(team);
        String form = s.open("/contacts/" + id + "/edit");
        // tab 1 changes the phone and the notes
        contactTab(s, id, form, "Rosa Diaz", "718 555 0199", "Chairs the tenants meeting").then().statusCode(303);
        // tab 2, read before, changes the name and the notes
        Response tab2 = contactTab(s, id, form, "Rosa María Díaz", "718 555 0101", "Met at the laundromat\r\nHas a car");
        tab2.then().statusCode(409)
                .body(containsString("This was saved elsewhere while you were editing"))
                .body(containsString("keeps your changes where that save did not change the same field"))
                .body(containsString("value=\"718 555 0199\""))
                .body(not(containsString("id=\"f-phone-typed\"")))
                .body(containsString("value=\"Rosa María Díaz\""))
                .body(not(containsString("id=\"f-fullName-typed\"")))
                .body(containsString("Chairs the tenants meeting</textarea>"))
                .body(matchesPattern(youTyped("notes", "Met at the laundromat\\s+Has a car")));
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Rosa Diaz"));
        // saved as drawn again: tab 2's name, and tab 1's phone and notes
        String again = tab2.asString();
        contactTab(s, id, again, drawn(again, "fullName"), drawn(again, "phone"), drawn(again, "notes"))
                .then().statusCode(303);
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Rosa María Díaz"))
                .body("phone", equalTo("718 555 0199")).body("notes", equalTo("Chairs the tenants meeting"));
    }

    /**
     * The review's "a lone CR stored in a note reads as changed by this tab": notes saved through the API
     * with a lone CR (or LF) are drawn in the text area, and a browser sends every line end back as CRLF.
     * Left untouched, the notes are still the notes as drawn: after another save changed the phone, and
     * then the notes, this tab's stale form offers nothing under the notes to copy back (which would undo
     * the other save), and keeps the name it changed.
     */
    @Test
    void notesLeftAsDrawnAreNotTypedWhateverTheirLineEnds() {
        for (String lineEnd : new String[] {"\r", "\n"}) {
            TestTeam team = TestTeam.create();
            String notes = "Met at the laundromat" + lineEnd + "Has a car";
            String id = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz", "phone", "718 555 0101", "notes", notes));
            Session s = Session.logIn(team);
            String form = s.open("/contacts/" + id + "/edit");
            String asBrowsersSendIt = "Met at the laundromat\r\nHas a car";

            team.api().body(Map.of("phone", "718 555 0199")).patch("/api/v1/contacts/" + id).then().statusCode(200);
            contactTab(s, id, form, "Rosa María Díaz", "718 555 0101", asBrowsersSendIt).then().statusCode(409)
                    .body(containsString("keeps yours"))
                    .body(not(containsString("-typed\"")));

            team.api().body(Map.of("notes", "Moved to the third floor")).patch("/api/v1/contacts/" + id).then().statusCode(200);
            contactTab(s, id, form, "Rosa María Díaz", "718 555 0101", asBrowsersSendIt).then().statusCode(409)
                    .body(containsString("Moved to the third floor</textarea>"))
                    .body(containsString("value=\"Rosa María Díaz\""))
                    .body(not(containsString("id=\"f-notes-typed\"")));
        }
    }

    /**
     * The review's "the unit quietly cleared": the other save moved the person to another organization and
     * unit; this tab, drawn before, changed only the phone. The form drawn again must offer the units of
     * the organization it now shows, so the unit saved meanwhile stays chosen and saving again keeps it.
     */
    @Test
    void aMoveSavedMeanwhileKeepsItsUnitOnTheFormDrawnAgain() {
        TestTeam team = TestTeam.create();
        String depot = team.api().body(Map.of("name", "Depot", "kind", "workplace")).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
        String yard = team.api().body(Map.of("name", "Yard", "kind", "workplace")).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
        String nightShift = team.api().body(Map.of("name", "Night shift", "kind", "shift"))
                .post("/api/v1/organizations/" + yard + "/units").then().statusCode(201).extract().path("id");
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz", "phone", "718 555 0101",
                "organizationId", depot));
        Session s = Session.logIn(team);
        String form = s.open("/contacts/" + id + "/edit");
        team.api().body(Map.of("organizationId", yard, "unitId", nightShift)).patch("/api/v1/contacts/" + id)
                .then().statusCode(200);
        Response tab = s.form().formParam("version", drawn(form, "version")).formParam("drawn", drawn(form, "drawn"))
                .formParam("fullName", "Rosa Diaz").formParam("phone", "718 555 0199").formParam("position", "base")
                .formParam("organizationId", depot).post("/contacts/" + id + "/edit");
        tab.then().statusCode(409)
                .body(matchesPattern("(?s).*<option value=\"" + yard + "\" selected>.*"))
                .body(matchesPattern("(?s).*<option value=\"" + nightShift + "\" selected>Night shift</option>.*"));
        String again = tab.asString();
        s.form().formParam("version", drawn(again, "version")).formParam("drawn", drawn(again, "drawn"))
                .formParam("fullName", "Rosa Diaz").formParam("phone", drawn(again, "phone")).formParam("position", "base")
                .formParam("organizationId", yard).formParam("unitId", nightShift)
                .post("/contacts/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + id).then().body("phone", equalTo("718 555 0199"))
                .body("organizationId", equalTo(yard)).body("unitId", equalTo(nightShift));
    }

    /** One tab's save of the contact form as {@code form} drew it, with the name, phone and notes given. */
    private static Response contactTab(Session s, String id, String form, String fullName, String phone, String notes) {
        return s.form().formParam("version", drawn(form, "version")).formParam("drawn", drawn(form, "drawn"))
                .formParam("fullName", fullName).formParam("phone", phone).formParam("notes", notes)
                .formParam("position", "base").post("/contacts/" + id + "/edit");
    }

    /** One tab's save of the conversation form as {@code form} drew it, with the summary and issues given. */
    private static Response tab(Session s, String id, String form, String summary, String issues) {
        return s.form().formParam("version", drawn(form, "version")).formParam("drawn", drawn(form, "drawn"))
                .formParam("occurredAt", drawn(form, "occurredAt")).formParam("durationMinutes", drawn(form, "durationMinutes"))
                .formParam("channel", "phone").formParam("summary", summary).formParam("issues", issues)
                .post("/conversations/" + id + "/edit");
    }
}
