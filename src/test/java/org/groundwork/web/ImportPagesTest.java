package org.groundwork.web;

import org.groundwork.support.AllTeams;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import page end to end over HTTP: upload, the check (columns, first rows, dry-run counts
 * and errors, nothing saved), changing a column, confirming, and every way a file can be wrong.
 */
@QuarkusTest
class ImportPagesTest {

    @jakarta.inject.Inject
    org.groundwork.importexport.ImportMemory memory;

    private static final Pattern KEY = Pattern.compile("/contacts/import/([0-9a-f-]{36})\\?onMatch=(\\w+)");

    /** Uploads a file on the page as a browser would; answers the check page's path. */
    static String upload(Session s, String fileName, byte[] file, String onMatch) {
        s.open("/contacts/import");
        Response r = MultipartForm.of().field("csrf-token", s.csrfToken).file("file", fileName, file, "text/csv")
                .field("onMatch", onMatch).into(s.request())
                .post("/contacts/import");
        r.then().statusCode(303);
        String location = r.getHeader("Location");
        Matcher m = KEY.matcher(location);
        assertTrue(m.find(), "redirected to the check of the upload: " + location);
        return "/contacts/import/" + m.group(1) + "?onMatch=" + m.group(2);
    }

    static String upload(Session s, String file) {
        return upload(s, "people.csv", file.getBytes(StandardCharsets.UTF_8), "skip");
    }

    static String keyOf(String checkPath) {
        return checkPath.substring("/contacts/import/".length(), checkPath.indexOf('?'));
    }

    static int contacts(TestTeam team) {
        return team.api().queryParam("limit", 200).get("/api/v1/contacts").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    /**
     * The walk, in Spanish: the page listed only English headers and the check's line errors named the
     * levels in English, though the import reads Spanish headers and level words. And a line that renames
     * someone matched by email is said on the check, in Spanish too.
     */
    @Test
    void aSpanishOrganizerSeesSpanishHeadersLevelsAndWhoALineRenames() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Maria Wright", "email", "familia@example.org")).post("/api/v1/contacts")
                .then().statusCode(201);
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        Session s = Session.logIn(team);
        String upload = s.open("/contacts/import");
        assertTrue(upload.contains("Correo, Correo electrónico") && upload.contains("Teléfono, Tel, Móvil")
                && upload.contains("nuevo, menos implicado o cuadro"), upload);
        String check = upload(s, """
                Nombre,Correo,Nivel,Lugar de trabajo,Unidad
                Lee Park,lee@example.org,jefe,,
                María José Pérez,FAMILIA@example.org,cuadro,Almacén Sur,Turno de noche
                """).replace("onMatch=skip", "onMatch=update");
        String html = s.request().get(check).then().statusCode(200).extract().asString();
        assertTrue(html.contains("no es ninguno de estos: nuevo, menos implicado, cuadro"), html);
        assertTrue(html.contains("el email de esta línea es de Maria Wright, que pasará a llamarse"), html);
        // the places the file will make, named before anything is written (the walk)
        assertTrue(html.contains("Lugares que se añadirán") && html.contains("Organización «Almacén Sur»")
                && html.contains("Unidad «Turno de noche» en «Almacén Sur»"), html);
    }

    /**
     * The walk, in Spanish: a quote never closed was said half in English, its words read as an archive's line
     * ("…near, línea 2: (startline 2) EOF reached before encapsulated token finished…"), and the tags' rules on
     * a line in the API's English ("tags: at most 50 tags").
     */
    @Test
    void aSpanishOrganizerIsToldInSpanishWhatIsWrongWithTheFile() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        Session s = Session.logIn(team);
        String quote = upload(s, "Name,Email\n\"Rosa,rosa@example.org\nSam,sam@example.org\n");
        PageFormsTest.assertFieldError(s.request().get(quote), "file", "No se pudo leer el fichero como CSV cerca de la"
                + " línea 2: unas comillas (&quot;) abren ahí una celda y no se cierran. No se importó nada.");
        String check = upload(s, "Name,Email,Tags\nLong Tag,lt@example.org," + "t".repeat(60) + "\nMany,m@example.org,\""
                + String.join(",", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "t" + i).toList()) + "\"\n");
        String html = s.request().get(check).then().statusCode(200).extract().asString();
        assertTrue(html.contains("una etiqueta tiene más de 50 caracteres") && html.contains("más de 50 etiquetas")
                && !html.contains("at most"), html);
    }

    /**
     * Import pressed while another import of the team runs: the refusal said on the check, the file kept, and the
     * check's figures with the Import button again (a walk: only "Check again" was left); pressed again once the
     * other has finished, it imports.
     */
    @Test
    void importPressedWhileAnotherRunsKeepsTheFileAndItsButton() throws Exception {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String check = upload(s, "Name\nWhile Busy\n");
        s.open(check);
        try (java.sql.Connection held = AllTeams.connection(dataSource)) {
            held.setAutoCommit(false);
            try (var ps = held.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                ps.setString(1, "groundwork-import:" + team.teamId);
                ps.execute();
            }
            String html = s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check))
                    .then().statusCode(409).extract().asString();
            assertTrue(html.contains("Another import into your team is running"), html);
            assertTrue(html.contains("Import 1 contact</button>"), html);
            held.rollback();
        }
        assertEquals(0, contacts(team));
        String done = s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check))
                .then().statusCode(200).extract().asString();
        assertTrue(done.contains("Import done") && done.contains("1 new contact"), done);
        assertEquals(1, contacts(team));
    }

    @Test
    void checkShowsColumnsFirstRowsCountsAndErrorsThenConfirmImports() {
        TestTeam team = TestTeam.create();
        PageFormsTest.contact(team, "Already Here");
        team.api().body(Map.of("fullName", "Rosa Known", "email", "rosa@example.org")).post("/api/v1/contacts")
                .then().statusCode(201);
        Session s = Session.logIn(team);
        String check = upload(s, """
                First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Level,Shoe size
                Rosa,Diaz,ROSA@example.org,(718) 555-0101,cadre,38
                Sam,Okafor,sam@example.org,,new,44
                ,,,,,
                Lee,Park,lee@example.org,,boss,41
                Ana,Lopez,ana@example.org,,less involved,39
                Nul\u0000l,Sent,nul@example.org,,new,40
                """);

        String html = s.request().get(check).then().statusCode(200).extract().asString();
        // the detected mapping, one select per column
        assertSelected(html, 0, "firstName");
        assertSelected(html, 2, "email");
        assertSelected(html, 3, "phone");
        assertSelected(html, 4, "level");
        assertSelected(html, 5, "");
        // the first rows, as in the file
        assertTrue(html.contains("ROSA@example.org") && html.contains("Okafor"), "the first rows are shown");
        assertTrue(!html.contains("Lopez"), "only the first three rows are shown");
        // the dry run's counts and its errors by line
        assertTrue(html.contains("2 new contacts"), html);
        assertTrue(html.contains("1 already here"), html);
        assertTrue(html.contains("Line 5:") && html.contains("level &#39;boss&#39; is not one of"), html);
        // said in words, not the API's field name ("fullName: contains a NUL character")
        assertTrue(html.contains("Line 7:") && html.contains("The name field contains a NUL character"), html);
        assertTrue(html.contains("“Shoe size”"), "the unmapped column is named");
        assertTrue(html.contains("Import 2 contacts"), html);
        assertEquals(2, contacts(team), "the check saved nothing");

        Response done = s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check));
        done.then().statusCode(200).body(containsString("2 new contacts, 0 updated, 1 already here"))
                .body(containsString("Line 5:"));
        assertEquals(4, contacts(team));
        team.api().queryParam("q", "Ana Lopez").get("/api/v1/contacts").then()
                .body("items[0].engagementLevel", equalTo("less-involved"));

        // the file is gone once imported: confirming twice imports nothing twice, and the second click is shown the
        // first one's result (a walk: "no longer here … choose the file again" invited a second import)
        Response again = s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check));
        again.then().statusCode(303).header("Location", containsString("/contacts/import/jobs/"));
        String job = again.getHeader("Location").replaceAll("^https?://[^/]+", "");
        s.request().get(job).then().statusCode(200)
                .body(containsString("Import done")).body(containsString("2 new contacts, 0 updated, 1 already here"))
                .body(containsString("Line 5:"));
        assertEquals(4, contacts(team));
        // its line messages may quote the file: an erasure in the team empties them, as a background job's
        String sam = team.api().queryParam("q", "Sam Okafor").get("/api/v1/contacts").then().extract().path("items[0].id");
        team.api().delete("/api/v1/contacts/" + sam).then().statusCode(204);
        s.request().get(job).then().statusCode(200).body(containsString("2 new contacts, 0 updated, 1 already here"))
                .body(org.hamcrest.Matchers.not(containsString("Line 5:")));
        // only its organizer's: a colleague sending the same upload's key learns nothing of it
        Session colleague = Session.logIn(team.member("organizer").email());
        colleague.open("/contacts/import");
        PageFormsTest.assertFieldError(colleague.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check)),
                404, "file", "no longer here");
    }

    /** A long cell among the first rows is cut as a message quotes one: a 100,000-character note was shown whole (a walk). */
    @Test
    void aLongCellAmongTheFirstRowsIsCut() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String check = upload(s, "Name,Notes\nLong Note,\"" + "n".repeat(100_000) + "\"\nShort Note,fine\n");
        String html = s.request().get(check).then().statusCode(200).extract().asString();
        assertTrue(html.contains(">" + "n".repeat(119) + "…<"), "the cell's first 119 characters and an ellipsis");
        assertFalse(html.contains("n".repeat(120)), "not the whole cell");
        assertTrue(html.length() < 30_000, "the page stays small: " + html.length());
        assertTrue(html.contains("fine"), "a short cell as it is");
    }

    @Test
    void aCheckThatWouldImportNothingOffersNoImportButton() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Rosa Known", "email", "rosa@example.org")).post("/api/v1/contacts")
                .then().statusCode(201);
        Session s = Session.logIn(team);
        String check = upload(s, """
                Name,Email,Level
                Rosa Known,rosa@example.org,new
                Lee Park,lee@example.org,boss
                """);
        String html = s.request().get(check).then().statusCode(200).extract().asString();
        // a button that could only import nothing ("Import 0 contacts") is not drawn
        assertTrue(html.contains("Nothing in this file would be imported"), html);
        assertTrue(!html.contains("Import 0 contacts")
                && !html.contains("method=\"post\" action=\"/contacts/import/" + keyOf(check) + "\""), html);
    }

    /**
     * A file of several of the store's slices (256 KiB) is read whole, and two confirmations
     * sent at the same moment (a double click, or one to each instance) import it once.
     */
    @Test
    void aLargeFileConfirmedTwiceAtOnceIsImportedWholeAndOnce() throws Exception {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        StringBuilder csv = new StringBuilder("Name,Shoe size\n");
        String padding = "x".repeat(5000);
        for (int i = 1; i <= 160; i++) {
            csv.append("Person ").append(i).append(',').append(padding).append('\n');
        }
        assertTrue(csv.length() > 3 * 256 * 1024, "spans several slices");
        String check = upload(s, csv.toString());
        s.open(check);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(two.submit(() -> {
                    go.await();
                    io.restassured.response.Response r = s.form().formParam("onMatch", "skip")
                            .post("/contacts/import/" + keyOf(check));
                    return r.statusCode() + " " + (r.statusCode() == 303
                            ? r.getHeader("Location").replaceAll("^https?://[^/]+", "") : r.asString());
                }));
            }
            go.countDown();
            int imported = 0;
            for (java.util.concurrent.Future<String> a : answers) {
                String html = a.get(120, java.util.concurrent.TimeUnit.SECONDS);
                if (html.startsWith("200 ")) {
                    assertTrue(html.contains("160 new contacts"), html);
                    imported++;
                } else {
                    // the second click finds the file taken, waits for the first one's import and is sent to its
                    // result (it was "no longer here … choose the file again", a walk)
                    assertTrue(html.startsWith("303 "), html.substring(0, Math.min(html.length(), 400)));
                    String job = html.substring(4);
                    s.request().get(job).then().statusCode(200).body(containsString("160 new contacts"));
                }
            }
            assertEquals(1, imported, "one of the two confirmations imports the file");
        } finally {
            two.shutdownNow();
        }
        assertEquals(160, contacts(team));
        team.api().queryParam("q", "Person 160").get("/api/v1/contacts").then()
                .body("items.fullName", org.hamcrest.Matchers.hasItem("Person 160"));
    }

    @Test
    void changingAColumnChecksAgainAndImportsWithTheChoice() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String check = upload(s, """
                Person,Cell,Zip
                Rosa Diaz,718 555 0101,11201
                Sam Okafor,718 555 0102,11205
                """);
        String html = s.request().get(check).then().statusCode(200).extract().asString();
        // "Person" names nobody Groundwork knows of, and "Cell" is a phone: the check can still run
        assertSelected(html, 0, "");
        assertSelected(html, 1, "phone");
        assertTrue(html.contains("2 new contacts"), html);

        // nothing but a zip code: no column identifies people, and the page says so
        String only = upload(s, "Zip,Shoe\n11201,38\n");
        String refused = s.request().get(only).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("role=\"alert\"") && refused.contains("holds a name, an email or a phone"), refused);
        assertTrue(!refused.contains("Import 1 contact"), "nothing to confirm");

        // "Zip" was detected as a line of the notes; only the column changed becomes a mapping
        assertSelected(html, 2, "note");
        String changed = s.request().get(check + "&column=fullName&column=phone&column=note")
                .then().statusCode(200).extract().asString();
        assertSelected(changed, 0, "fullName");
        assertSelected(changed, 2, "note");
        assertTrue(changed.contains("name=\"map\" value=\"Person:fullName\""), changed);
        assertTrue(!changed.contains("value=\"Zip:"), changed);
        assertEquals(0, contacts(team));

        s.open(check + "&column=fullName&column=phone&column=note");
        s.form().formParam("onMatch", "skip").formParam("map", "Person:fullName")
                .post("/contacts/import/" + keyOf(check))
                .then().statusCode(200).body(containsString("2 new contacts"));
        team.api().queryParam("q", "Rosa Diaz").get("/api/v1/contacts").then()
                .body("items", hasSize(1)).body("items[0].notes", equalTo("Zip: 11201"));
    }

    /**
     * Two columns of one name given two fields: the mapping took the last without a word (found on a walk).
     * Said beside the columns, with the choices made kept in their selects; nothing to import.
     */
    @Test
    void aColumnGivenTwoFieldsIsSaidBesideTheColumnsWithTheChoicesKept() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String check = upload(s, "Name,Email,email\nRosa Diaz,rosa@example.org,555-0101\n");
        Response page = s.request().get(check + "&column=fullName&column=phone&column=notes");
        PageFormsTest.assertFieldError(page, "column", "The column &#39;email&#39; is given two fields; give it one");
        String html = page.asString();
        assertSelected(html, 0, "fullName");
        assertSelected(html, 1, "phone");
        assertSelected(html, 2, "notes");
        assertTrue(!html.contains("Import 1 contact"), "nothing to confirm");
        assertEquals(0, contacts(team));
    }

    /**
     * A choice no page draws (a word not in the list, fewer choices than columns) or a field chosen for a
     * column with no name was dropped without a word (found on a walk). Each is said beside the columns,
     * in the page's language, with the other choices kept.
     */
    @Test
    void aChoiceThatCannotBeTakenIsSaidBesideTheColumnsNotDropped() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String check = upload(s, "Name,Email,\nRosa Diaz,rosa@example.org,555-0101\n");
        PageFormsTest.assertFieldError(s.request().get(check + "&column=fullName&column=email"), "column",
                "The page sent 2 choices for this file&#39;s 3 columns");
        Response unknown = s.request().get(check + "&column=boss&column=notes&column=ignore");
        PageFormsTest.assertFieldError(unknown, "column", "The choice for column 1 is not one of its list");
        assertSelected(unknown.asString(), 1, "notes");
        Response unnamed = s.request().get(check + "&column=fullName&column=email&column=phone");
        PageFormsTest.assertFieldError(unnamed, "column", "Column 3 has no name in the file&#39;s header");
        assertSelected(unnamed.asString(), 2, "phone");
        s.open("/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        PageFormsTest.assertFieldError(s.request().get(check + "&column=boss&column=email&column=ignore"), "column",
                "La opción de la columna 1 no es una de su lista");
        // the choices as drawn still check
        s.request().get(check + "&column=fullName&column=email&column=ignore").then().statusCode(200)
                .body(containsString("Importar 1 contacto"));
        assertEquals(0, contacts(team));
    }

    /** An upload of two files kept one without a word (found on a walk): refused, nothing kept or imported. */
    @Test
    void anUploadOfTwoFilesIsRefusedAndNothingIsKept() throws java.sql.SQLException {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/import");
        Response r = MultipartForm.of().field("csrf-token", s.csrfToken)
                .file("file", "a.csv", "Name\nRosa Diaz\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .file("file", "b.csv", "Name\nSam Okafor\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .field("onMatch", "update").into(s.request()).post("/contacts/import");
        PageFormsTest.assertFieldError(r, "file", "Choose one file: the import takes one at a time. Nothing was imported.");
        r.then().body(containsString("value=\"update\" checked"));
        assertEquals(List.of(), pendingUploads("select id::text from pending_import where team_id = ?::uuid", team.teamId));
        // the API takes the file itself as its body: a form of files is not one, and nothing is imported
        MultipartForm.of().file("file", "a.csv", "Name\nRosa Diaz\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .file("file", "b.csv", "Name\nSam Okafor\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .into(io.restassured.RestAssured.given().auth().oauth2(team.token)).post("/api/v1/imports/contacts")
                .then().statusCode(415).contentType("application/problem+json");
        assertEquals(0, contacts(team));
    }

    @Test
    void onMatchUpdateFromThePage() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Rosa Diaz", "email", "rosa@example.org")).post("/api/v1/contacts")
                .then().statusCode(201);
        Session s = Session.logIn(team);
        String check = upload(s, "people.csv", "Email,Level\nrosa@example.org,cadre\n".getBytes(StandardCharsets.UTF_8),
                "update");
        String html = s.request().get(check).then().statusCode(200).extract().asString();
        assertTrue(html.contains("0 new contacts,") && html.contains("1 updated"), html);
        assertTrue(html.contains("id=\"f-onMatch-update\" name=\"onMatch\" value=\"update\" checked"), "the choice is kept");
        s.form().formParam("onMatch", "update").post("/contacts/import/" + keyOf(check))
                .then().statusCode(200).body(containsString("1 updated"));
        team.api().queryParam("q", "Rosa").get("/api/v1/contacts").then().body("items[0].engagementLevel", equalTo("cadre"));
    }

    /** A file over groundwork.import.max-rows (50,000 in tests): its check and its import say so, in the page's language. */
    @Test
    void aFileOverTheRowLimitIsRefusedOnThePageAndSavesNothing() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        Session s = Session.logIn(team);
        StringBuilder file = new StringBuilder("Name,Level\n");
        for (int i = 0; i <= 50_000; i++) {
            file.append(",x\n"); // lines with errors: the quickest to check
        }
        String check = upload(s, file.toString());
        String says = "El fichero tiene más de 50000 filas, el límite de importación; divídelo en ficheros más pequeños."
                + " No se importó nada.";
        s.request().get(check).then().body(containsString(says)).body(not(containsString("more than")));
        s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check)).then()
                .body(containsString(says));
        assertEquals(0, contacts(team));
    }

    /**
     * A team and a file that together are more contacts than the server's imports may hold in memory
     * (ImportMemory; 60,000 in tests): the check and the import say so, in the page's language.
     */
    @Test
    void anImportPastWhatTheServerMayHoldIsRefusedOnThePageAndSavesNothing() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        assertEquals(List.of("59000"), AllTeams.rows(dataSource, """
                with made as (insert into contact (id, team_id, full_name, email)
                  select gen_random_uuid(), ?1, 'Member ' || g, 'member' || g || '@held.test'
                  from generate_series(1, 59000) g returning 1)
                select count(*) from made""", team.teamId));
        try {
            Session s = Session.logIn(team);
            String check = upload(s, newcomers(1500));
            String says = "Esta importación tendría en memoria más de 60000 contactos";
            s.request().get(check).then().statusCode(413).body(containsString(says)).body(not(containsString("would hold")));
            s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check)).then().statusCode(413)
                    .body(containsString(says));
            assertEquals(List.of("0"), AllTeams.rows(dataSource,
                    "select count(*) from contact where team_id = ?1 and email like 'newcomer%'", team.teamId));
        } finally {
            // the 59,000 go again: every test shares the database, and some read the whole contact table
            AllTeams.rows(dataSource,
                    "with gone as (delete from contact where team_id = ?1 returning 1) select count(*) from gone", team.teamId);
        }
    }

    /** Other imports on the server hold its memory: the check and the import ask to wait, with Retry-After. */
    @Test
    void anImportWhileOtherImportsHoldTheServersMemoryIsAskedToWaitOnThePage() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        Session s = Session.logIn(team);
        String says = "El servidor está ocupado con otras importaciones grandes; vuelve a intentarlo en un minuto.";
        try (org.groundwork.importexport.ImportMemory.Share others = memory.share(java.util.UUID.randomUUID())) {
            others.take(memory.limit() - 10);
            String check = upload(s, newcomers(20));
            s.request().get(check).then().statusCode(503).header("Retry-After", "60").body(containsString(says));
            s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check)).then().statusCode(503)
                    .header("Retry-After", "60").body(containsString(says));
        }
        assertEquals(0, contacts(team));
    }

    private static String newcomers(int count) {
        StringBuilder file = new StringBuilder("Name,Email\n");
        for (int i = 1; i <= count; i++) {
            file.append("Newcomer ").append(i).append(",newcomer").append(i).append("@held.test\n");
        }
        return file.toString();
    }

    /** The page lists 100 warnings and says how many there are in all, as the heading does for errors. */
    @Test
    void warningsPastThoseListedAreCounted() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        StringBuilder file = new StringBuilder("Name,Owner\n");
        for (int i = 0; i < 150; i++) {
            file.append("Owned ").append(i).append(",nobody-").append(i).append("@example.org\n");
        }
        String check = upload(s, file.toString());
        s.request().get(check).then().statusCode(200).body(containsString("The first 100 of 150 are listed."));
    }

    @Test
    void badFilesGetAMessageOnTheFormAndSaveNothing() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);

        // no file chosen
        s.open("/contacts/import");
        Response none = MultipartForm.of().field("csrf-token", s.csrfToken).field("onMatch", "skip")
                .into(s.request()).post("/contacts/import");
        PageFormsTest.assertFieldError(none, "file", "Choose a CSV file");

        // an empty file
        s.open("/contacts/import");
        Response empty = MultipartForm.of().field("csrf-token", s.csrfToken)
                .file("file", "empty.csv", new byte[0], "text/csv").field("onMatch", "skip")
                .into(s.request()).post("/contacts/import");
        PageFormsTest.assertFieldError(empty, "file", "empty");

        // an onMatch that is neither choice
        s.open("/contacts/import");
        Response odd = MultipartForm.of().field("csrf-token", s.csrfToken)
                .file("file", "p.csv", "Name\nRosa\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .field("onMatch", "merge").into(s.request()).post("/contacts/import");
        PageFormsTest.assertFieldError(odd, "onMatch", "skip or update");

        // files that are read only after the upload: shown on the form again, the upload dropped
        Map<String, byte[]> bad = new java.util.HashMap<>(Map.of(
                "only a header", "Name,Email\n".getBytes(StandardCharsets.UTF_8),
                "binary", new byte[]{'P', 'K', 3, 4, 0, 0, '\n', 'a', 0},
                "latin-1", "Name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                "blank lines", "\n\n\n".getBytes(StandardCharsets.UTF_8)));
        // a crafted header of 50,000 columns (440 KB) drew a check page that ran the server out of memory (the walk)
        StringBuilder wide = new StringBuilder("Name");
        for (int i = 1; i <= 1000; i++) {
            wide.append(",c").append(i);
        }
        bad.put("too wide", (wide + "\nRosa\n").getBytes(StandardCharsets.UTF_8));
        bad.put("a quote never closed", "Name,Email\n\"Rosa,rosa@example.org\nSam,sam@example.org\n"
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> says = Map.of("only a header", "header but no rows", "binary", "binary",
                "latin-1", "not UTF-8", "blank lines", "empty",
                "too wide", "The file has 1001 columns, more than the 1000 an import reads",
                "a quote never closed", "near line 2: a quote (&quot;) opens a cell there and is never closed");
        for (var file : bad.entrySet()) {
            String check = upload(s, file.getKey() + ".csv", file.getValue(), "skip");
            Response page = s.request().get(check);
            PageFormsTest.assertFieldError(page, "file", says.get(file.getKey()));
            PageFormsTest.assertFieldError(s.request().get(check), 404, "file", "no longer here");
        }
        assertEquals(0, contacts(team));
    }

    @Test
    void aNulInTheFilesNameIsSaidBesideTheFileNotA500() throws java.sql.SQLException {
        // a browser never sends one, a hand-made post can: the name is kept with the upload (the job page
        // shows it), and PostgreSQL cannot store a NUL, so keeping it had been a 500 with an ERROR line
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/import");
        Response r = MultipartForm.of().field("csrf-token", s.csrfToken)
                .file("file", "people\u0000.csv", "Name\nRosa Diaz\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .field("onMatch", "update").into(s.request()).post("/contacts/import");
        PageFormsTest.assertFieldError(r, "file", "NUL character");
        // the choice made is kept on the form drawn again; nothing was kept or imported
        r.then().body(containsString("value=\"update\" checked"));
        assertEquals(List.of(), pendingUploads("select id::text from pending_import where team_id = ?::uuid", team.teamId));
        assertEquals(0, contacts(team));
    }

    @Test
    void anUploadIsItsUploadersOnlyAndWithoutTheCsrfTokenNothingIsKept() {
        TestTeam team = TestTeam.create();
        Session admin = Session.logIn(team);
        String check = upload(admin, "Name\nRosa Diaz\n");

        TestTeam.Member member = team.member("organizer");
        Session other = Session.logIn(member.email());
        PageFormsTest.assertFieldError(other.request().get(check), 404, "file", "no longer here");
        other.open("/contacts/import");
        other.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check))
                .then().statusCode(404).body(containsString("no longer here"));
        // a key that is not one
        PageFormsTest.assertFieldError(other.request().get("/contacts/import/not-a-key?onMatch=skip"), 404, "file",
                "no longer here");
        assertEquals(0, contacts(team));

        // the uploader can still import it; a forged post without the token cannot
        admin.request().contentType("application/x-www-form-urlencoded").formParam("onMatch", "skip")
                .post("/contacts/import/" + keyOf(check)).then().statusCode(403);
        MultipartForm.of().file("file", "p.csv", "Name\nForged\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .into(admin.request()).post("/contacts/import").then().statusCode(403);
        assertEquals(0, contacts(team));

        // starting over drops the file
        admin.open(check);
        admin.form().post("/contacts/import/" + keyOf(check) + "/discard").then().statusCode(303)
                .header("Location", containsString("/contacts/import"));
        PageFormsTest.assertFieldError(admin.request().get(check), 404, "file", "no longer here");
    }

    @Test
    void exportLinksFollowTheFiltersAndOnlyCoordinatorsSeeThem() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Rosa Diaz", "tags", List.of("tenant"))).post("/api/v1/contacts")
                .then().statusCode(201);
        PageFormsTest.contact(team, "Sam Okafor");
        Session admin = Session.logIn(team);
        String html = admin.request().queryParam("tag", "tenant").queryParam("q", "Rosa D").get("/contacts").then().statusCode(200).extract().asString();
        assertTrue(html.contains("href=\"/api/v1/exports/contacts.csv?q=Rosa+D&amp;tag=tenant\""), html);
        assertTrue(html.contains("href=\"/contacts/import\""), "the import page is linked");
        // the link works with the page's own login
        String csv = admin.request().queryParam("q", "Rosa D").queryParam("tag", "tenant").get("/api/v1/exports/contacts.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains("Rosa Diaz") && !csv.contains("Sam Okafor"), csv);

        TestTeam.Member member = team.member("organizer");
        Session organizer = Session.logIn(member.email());
        organizer.request().get("/contacts").then().statusCode(200)
                .body(not(containsString("/api/v1/exports/")));
        organizer.request().get("/api/v1/exports/contacts.csv").then().statusCode(403);
    }

    @Test
    void anUploadIsKeptADayAtMostInTheDatabaseUnderItsUploader() throws java.sql.SQLException {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String check = upload(s, "Name\nRosa Diaz\n");
        // in PostgreSQL, not on one instance's disk: the confirmation may reach another instance
        assertEquals(List.of(team.teamId + " " + team.adminId + " 15 people.csv"), pendingUploads(
                "select team_id || ' ' || organizer_id || ' ' || size_bytes || ' ' || file_name from pending_import where id = ?::uuid",
                keyOf(check)));

        sql("update pending_import set created_at = created_at - interval '25 hours',"
                + " expires_at = expires_at - interval '25 hours' where id = ?::uuid", keyOf(check));
        PageFormsTest.assertFieldError(s.request().get(check), 404, "file", "no longer here");
        s.open("/contacts/import");
        s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check))
                .then().statusCode(404).body(containsString("no longer here"));
        assertEquals(0, contacts(team));
        // the next upload sweeps it away
        upload(s, "Name\nSam Okafor\n");
        assertEquals(List.of(), pendingUploads("select id::text from pending_import where id = ?::uuid", keyOf(check)),
                "swept");
    }

    /**
     * A file being imported is out of reach; a claim older than the import's 30-minute timeout
     * belongs to an instance that died mid-import, and the file is the organizer's again.
     */
    @Test
    void aFileClaimedByAnImportThatDiedIsTheOrganizersAgain() throws java.sql.SQLException {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String check = upload(s, "Name\nRosa Diaz\n");
        // taken five minutes ago by an import that has not ended: no longer waited for as another click's
        sql("update pending_import set created_at = created_at - interval '10 minutes',"
                + " claimed_at = now() - interval '5 minutes' where id = ?::uuid", keyOf(check));
        PageFormsTest.assertFieldError(s.request().get(check), 404, "file", "no longer here");
        s.open("/contacts/import");
        s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check))
                .then().statusCode(404).body(containsString("no longer here"));
        assertEquals(0, contacts(team));

        sql("update pending_import set created_at = created_at - interval '1 hour',"
                + " claimed_at = now() - interval '40 minutes' where id = ?::uuid", keyOf(check));
        s.request().get(check).then().statusCode(200).body(containsString("Import 1 contact"));
        s.open(check);
        s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check))
                .then().statusCode(200).body(containsString("1 new contact"));
        assertEquals(1, contacts(team));
        assertEquals(List.of(), pendingUploads("select id::text from pending_import where id = ?::uuid", keyOf(check)));
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private List<String> pendingUploads(String query, String param) throws java.sql.SQLException {
        try (java.sql.Connection c = AllTeams.connection(dataSource);
             java.sql.PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, param);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                return rows;
            }
        }
    }

    private void sql(String statement, String param) throws java.sql.SQLException {
        try (java.sql.Connection c = AllTeams.connection(dataSource);
             java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, param);
            ps.executeUpdate();
        }
    }

    private static void assertSelected(String html, int column, String word) {
        int at = html.indexOf("id=\"f-column-" + column + "\"");
        assertTrue(at > 0, "a select for column " + column);
        String select = html.substring(at, html.indexOf("</select>", at));
        Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(select);
        String chosen = selected.find() ? selected.group(1) : "";
        assertEquals(word, chosen, "column " + column + " is imported as");
    }

    @Test
    void erasingSomeoneDropsTheTeamsPendingUploadsThatMayHoldThem() throws java.sql.SQLException {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("fullName", "Zoe Erased")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        String check = upload(s, "Name,Email\nZoe Erased,zoe@example.org\n");
        s.request().get(check).then().statusCode(200);
        String waiting = "select id::text from pending_import where team_id = ?::uuid";
        assertEquals(List.of(keyOf(check)), pendingUploads(waiting, team.teamId), "the upload waits in pending_import");

        team.api().delete("/api/v1/contacts/" + id).then().statusCode(204);

        assertEquals(List.of(), pendingUploads(waiting, team.teamId), "the team's pending uploads are gone");
        s.request().get(check).then().statusCode(404).body(org.hamcrest.Matchers.containsString("no longer here"));
    }

    /**
     * Over the background threshold (3,000 rows in the test profile) the confirmation answers at
     * once with the job's page; the page works without script (a Refresh link), htmx gets only the
     * progress fragment, and nobody but the organizer who started it sees it.
     */
    @Test
    void aLargeFileIsConfirmedIntoAJobPageOnlyItsOrganizerSees() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        StringBuilder file = new StringBuilder("Name\n");
        for (int i = 0; i < 3500; i++) {
            file.append("Member ").append(i).append('\n');
        }
        String check = upload(s, file.toString());
        s.open(check);
        Response confirmed = s.form().formParam("onMatch", "skip").post("/contacts/import/" + keyOf(check));
        confirmed.then().statusCode(303);
        String job = confirmed.getHeader("Location").replaceAll("^https?://[^/]+", "");
        assertTrue(job.matches("/contacts/import/jobs/[0-9a-f-]{36}"), job);

        String page = s.request().get(job).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<main") && page.contains("id=\"import-progress\""), "a whole page without htmx");
        String fragment = s.request().header("HX-Request", "true").get(job).then().statusCode(200).extract().asString();
        assertTrue(fragment.trim().startsWith("<div id=\"import-progress\""), "htmx gets the fragment alone: " + fragment);

        // another organizer of the team, another team: 404 like an unknown id
        TestTeam.Member colleague = team.member("organizer");
        Session other = Session.logIn(colleague.email());
        other.request().get(job).then().statusCode(404);
        Session.logIn(TestTeam.create()).request().get(job).then().statusCode(404);
        s.request().get("/contacts/import/jobs/" + java.util.UUID.randomUUID()).then().statusCode(404);

        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!page.contains("id=\"import-summary\"")) {
            assertTrue(page.contains("Refresh") && page.contains("hx-trigger=\"every 1s\""), "running: polled, with a Refresh link");
            assertTrue(System.nanoTime() < deadline, "done within 90 s");
            page = s.request().get(job).then().statusCode(200).extract().asString();
        }
        assertTrue(page.contains("3500 new contacts"), page);
        assertTrue(!page.contains("hx-get"), "done: no more polling");
    }
}
