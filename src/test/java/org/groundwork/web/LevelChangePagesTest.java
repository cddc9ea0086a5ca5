package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A level change recorded by mistake (the wrong person, or a date too late to put the right one
 * before it) is deleted from the contact's timeline, through the service the API's DELETE uses:
 * only with the box ticked, never the level the contact was added with, not from another team,
 * and a refusal is said on the page.
 */
@QuarkusTest
class LevelChangePagesTest {

    @Test
    void aLevelChangeIsDeletedFromTheTimelineOnlyWithTheBoxTicked() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String change = team.api().body(Map.of("level", "cadre", "reason", "chairs the committee"))
                .post("/api/v1/contacts/" + contact + "/level").then().statusCode(201).extract().path("id");
        List<String> ids = team.api().get("/api/v1/contacts/" + contact + "/timeline").then().extract().path("items.id");
        String added = ids.get(1);
        String link = "/contacts/" + contact + "/level-changes/" + change + "/delete";

        Session s = Session.logIn(team);
        String page = s.open("/contacts/" + contact);
        assertTrue(page.contains("href=\"" + link + "\""), "the change has its delete link");
        assertTrue(!page.contains("/level-changes/" + added + "/delete"), "the level she was added with has none");
        String form = s.open(link);
        assertTrue(form.contains("Level changed from new to cadre") && form.contains("chairs the committee"), form);

        // another team's organizer: the page and the post are a 404, and nothing changes
        Session stranger = Session.onPage(TestTeam.create(), "/contacts/new");
        stranger.request().get(link).then().statusCode(404);
        stranger.form().formParam("confirm", "true").post(link).then().statusCode(404);
        // the level she was added with is not a change: its page says so, with no form to send
        String addedPage = s.open("/contacts/" + contact + "/level-changes/" + added + "/delete");
        assertTrue(addedPage.contains("The level they were added with is not a change")
                && !addedPage.contains("name=\"confirm\""), addedPage);
        // and a post anyway is refused, said on the page
        s.form().formParam("confirm", "true").post("/contacts/" + contact + "/level-changes/" + added + "/delete")
                .then().statusCode(409).body(containsString("The level they were added with is not a change"));
        // unticked, or without the page's CSRF token: refused
        PageFormsTest.assertFieldError(s.form().post(link), "confirm", "Tick the box to confirm");
        s.request().contentType("application/x-www-form-urlencoded").formParam("confirm", "true").post(link)
                .then().statusCode(403);
        team.api().get("/api/v1/contacts/" + contact).then().body("engagementLevel", is("cadre"));
        team.api().get("/api/v1/contacts/" + contact + "/timeline").then().body("items.id", is(ids));

        s.form().formParam("confirm", "true").post(link).then().statusCode(303)
                .header("Location", endsWith("/contacts/" + contact + "#timeline"));
        team.api().get("/api/v1/contacts/" + contact).then().body("engagementLevel", is("new"));
        team.api().get("/api/v1/contacts/" + contact + "/timeline").then().body("items.id", contains(added));
        // Back to the delete page once it is gone: the timeline, told so (a walk: a bare "Not found")
        s.request().redirects().follow(false).get(link).then().statusCode(303)
                .header("Location", endsWith("/contacts/" + contact + "?saved=level-change-gone#timeline"));
        // the same Delete again (a double click, a stale tab): back on her timeline, told so, not a bare 404 (the walk)
        String again = s.form().formParam("confirm", "true").post(link).then().statusCode(303)
                .extract().header("Location");
        assertTrue(again.endsWith("/contacts/" + contact + "?saved=level-change-gone#timeline"), again);
        String told = s.open(again.substring(0, again.indexOf('#')));
        assertTrue(told.contains("That level change was deleted already (another tab, or someone else); nothing else changed."), told);
        team.api().get("/api/v1/contacts/" + contact + "/timeline").then().body("items.id", contains(added));
        // a mangled change id in the address is still the 404 of any page's
        s.form().formParam("confirm", "true").post("/contacts/" + contact + "/level-changes/not-an-id/delete")
                .then().statusCode(404);
        // another person's change under her address: a 404 saying whose, and theirs kept (a walk: a tie of two others
        // was said as removed already while it stood)
        String other = PagesBrowserTest.contact(team, Map.of("fullName", "Emma Goldman"));
        String theirs = team.api().body(Map.of("level", "cadre")).post("/api/v1/contacts/" + other + "/level")
                .then().statusCode(201).extract().path("id");
        String underHers = "/contacts/" + contact + "/level-changes/" + theirs + "/delete";
        s.request().accept("text/html").get(underHers).then().statusCode(404)
                .body(containsString("This level change is another contact&#39;s; nothing was changed"));
        s.form().accept("text/html").formParam("confirm", "true").post(underHers).then().statusCode(404)
                .body(containsString("another contact&#39;s"));
        team.api().delete("/api/v1/contacts/" + contact + "/level-changes/" + theirs).then().statusCode(404)
                .body("detail", is("This level change is another contact's; nothing was changed"));
        team.api().get("/api/v1/contacts/" + other).then().body("engagementLevel", is("cadre"));
    }

    @Test
    void aDeleteThatWouldLeaveTheNextChangeChangingNothingIsSaidInSpanish() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        Instant created = Instant.parse(team.api().get("/api/v1/contacts/" + contact).then().extract().path("createdAt"));
        String cadre = team.api().body(Map.of("level", "cadre", "changedAt", created.plusMillis(1).toString()))
                .post("/api/v1/contacts/" + contact + "/level").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("level", "new")).post("/api/v1/contacts/" + contact + "/level").then().statusCode(201);
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);

        Session s = Session.onPage(team, "/contacts/" + contact);
        s.form().formParam("confirm", "true").post("/contacts/" + contact + "/level-changes/" + cadre + "/delete")
                .then().statusCode(409).body(containsString("El cambio siguiente, a nuevo, no cambiaría nada"))
                .body(containsString("Borrar un cambio de nivel de Lucy Parsons"));
        team.api().get("/api/v1/contacts/" + contact + "/timeline").then().body("items", hasSize(3));
    }
}
