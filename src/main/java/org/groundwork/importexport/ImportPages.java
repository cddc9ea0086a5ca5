package org.groundwork.importexport;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.importexport.ImportJson.ImportOptions;
import org.groundwork.importexport.ImportJson.ImportPreview;
import org.groundwork.importexport.ImportJson.ImportReport;
import org.groundwork.importexport.ImportJson.OnMatch;
import org.groundwork.importexport.ImportJson.PreviewColumn;
import org.groundwork.platform.Ids;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.SafeJson;
import org.groundwork.web.Form;
import org.groundwork.web.FormErrors;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.Forms;
import org.groundwork.web.Option;
import org.groundwork.web.Refusals;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The import page, over the same {@link ContactImportService} as the API: upload a file, see
 * its columns with what each becomes and the first rows, the counts and errors of a dry run,
 * change the columns if need be, then confirm. The file waits on the server in between
 * ({@link PendingImports}), so it is chosen once.
 */
@Path("/contacts/import")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    static final int PREVIEW_ROWS = 3;
    /** The page lists this many row errors; the counts cover them all. */
    static final int MESSAGES_SHOWN = 100;
    /** Where a refusal of the columns' choices is said: beside the mapping, not above the page. */
    static final String COLUMNS = "column";
    static final Map<String, String> FIELDS = FormErrors.names("file", "onMatch", "map=" + COLUMNS, "dryRun=form");

    @Inject
    ContactImportService imports;
    @Inject
    PendingImports pending;
    @Inject
    ImportJobs jobs;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String onMatch, String limit, Map<String, String> errors);

        static native TemplateInstance review(String key, String onMatch, ImportPreview preview, List<Option> fields,
                                              List<String> map, ImportReport check, int shown,
                                              Map<String, String> errors);

        static native TemplateInstance done(ImportReport report, int shown);

        static native TemplateInstance job(ImportJobs.Job job, int shown);

        static native TemplateInstance job$progress(ImportJobs.Job job, int shown);
    }

    @GET
    public TemplateInstance form() {
        return upload("skip", Map.of());
    }

    private TemplateInstance upload(String onMatch, Map<String, String> errors) {
        return Templates.upload(onMatch, CsvInput.megabytes(imports.maxBytes()), errors);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@RestForm("file") FileUpload file) {
        Form posted = Form.posted();
        String onMatch = posted.text("onMatch");
        FormErrors errors = new FormErrors();
        posted.errors().forEach(errors::add); // a NUL character, said on its field
        String match = onMatch(onMatch, errors);
        if (posted.severalFiles("file")) {
            errors.add("file", PageLanguage.reports().import_one_file());
        } else if (file == null || file.uploadedFile() == null || (file.size() == 0 && Forms.blankToNull(file.fileName()) == null)) {
            errors.add("file", PageLanguage.reports().import_choose_file());
        } else if (file.size() == 0) {
            errors.add("file", PageLanguage.reports().import_file_empty());
        } else if (file.size() > imports.maxBytes()) {
            errors.add("file", Refusals.said(CsvInput.tooLarge(imports.maxBytes()).getMessage()));
        } else if (SafeJson.hasNul(file.fileName())) {
            // the name is kept with the upload (the job page shows it) and PostgreSQL cannot store a NUL: said on
            // the file, as the binder says one on a field; only a hand-made post sends one
            errors.add("file", Refusals.said(SafeJson.NUL_MESSAGE));
        }
        if (!errors.isEmpty()) {
            return Form.refused(upload(match == null ? "skip" : match, errors.map()));
        }
        String key = pending.keep(file.uploadedFile(), file.fileName(), file.size());
        return Response.seeOther(URI.create("/contacts/import/" + key + "?onMatch=" + match)).build();
    }

    /**
     * The check: columns, first rows and a dry run. {@code column} repeats, one per column of
     * the file in order, each a field word or "ignore" for "not imported" (a blank value would
     * be dropped from the query and shift the columns); only the columns the
     * organizer changed from what was detected become an explicit mapping.
     */
    @GET
    @Path("{key}")
    public Object review(@PathParam("key") String key, @QueryParam("onMatch") String onMatch,
                         @QueryParam("column") List<String> column) {
        FormErrors errors = new FormErrors();
        String match = onMatch(onMatch, errors);
        return withFile(key, match, in -> imports.preview(in, List.of(), PREVIEW_ROWS), detected -> {
            unknownChoices(detected, column, errors);
            return review(key, match == null ? "skip" : match, detected, asChosen(detected, column),
                    overrides(detected, column), errors);
        });
    }

    /**
     * The check drawn with {@code chosen} in the column selects: what the organizer chose, kept when the
     * choices are refused (a column given two fields), not the detection drawn over them.
     */
    private Object review(String key, String match, ImportPreview detected, ImportPreview chosen, List<String> map,
                          FormErrors errors) {
        if (!errors.isEmpty()) {
            return Form.refused(Templates.review(key, match, chosen, fieldOptions(), map, null, MESSAGES_SHOWN,
                    errors.map()));
        }
        // a file-level refusal (no column names anyone, another import running…) shows on the
        // review, where the columns can still be changed
        Form checking = Form.of(Map.of()).names(FIELDS);
        return checkDrawn(key, match, detected, chosen, map, checking, checking);
    }

    /**
     * The check: the columns read with the mapping (as {@code chosen} when it is refused) and the dry run's figures,
     * each read through {@code attempts}; drawn with what {@code shown} refused, and its status.
     */
    private Object checkDrawn(String key, String match, ImportPreview detected, ImportPreview chosen, List<String> map,
                              Form attempts, Form shown) {
        ImportPreview preview = map.isEmpty() ? detected
                : attempts.attempt(() -> read(key, in -> imports.preview(in, map, PREVIEW_ROWS))).orElse(chosen);
        ImportReport check = attempts.attempt(() -> read(key,
                in -> imports.importContacts(in, new ImportOptions(true, onMatch(match), map)))).orElse(null);
        return shown.drawn(Templates.review(key, match, preview, fieldOptions(), map, check, MESSAGES_SHOWN,
                shown.errors()));
    }

    /**
     * Choices that cannot be taken, said beside the columns: a word that is none of the list's, or not one
     * choice per column of the file (no page of ours draws either), or a field chosen for a column with no
     * name, which a mapping cannot name. Each was dropped without a word.
     */
    private static void unknownChoices(ImportPreview detected, List<String> chosen, FormErrors errors) {
        if (chosen == null || chosen.isEmpty()) {
            return;
        }
        int columns = detected.columns().size();
        if (chosen.size() != columns) {
            errors.add(COLUMNS, PageLanguage.reports().import_choices_count(String.valueOf(chosen.size()),
                    String.valueOf(columns)));
            return;
        }
        for (int i = 0; i < columns; i++) {
            String choice = Forms.blankToNull(chosen.get(i));
            if (choice != null && Field.byWord(choice) == null) {
                errors.add(COLUMNS, PageLanguage.reports().import_choice_unknown(String.valueOf(i + 1)));
                return;
            }
            PreviewColumn c = detected.columns().get(i);
            Field field = choice == null ? Field.IGNORE : Field.byWord(choice);
            if (Forms.blankToNull(c.header()) == null && field != Field.IGNORE && !field.word.equals(c.detected())) {
                errors.add(COLUMNS, PageLanguage.reports().import_choice_unnamed(String.valueOf(i + 1)));
                return;
            }
        }
    }

    /** The columns with the organizer's choices in their selects, where they are choices of the list. */
    static ImportPreview asChosen(ImportPreview detected, List<String> chosen) {
        if (chosen == null || chosen.size() != detected.columns().size()) {
            return detected;
        }
        List<PreviewColumn> columns = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            PreviewColumn c = detected.columns().get(i);
            String choice = Forms.blankToNull(chosen.get(i));
            Field field = choice == null ? Field.IGNORE : Field.byWord(choice);
            columns.add(field == null ? c : new PreviewColumn(c.header(), c.detected(),
                    field == Field.IGNORE ? null : field.word, c.samples()));
        }
        return new ImportPreview(columns, detected.rows());
    }

    /** The import itself, with the choices the organizer saw checked. */
    @POST
    @Path("{key}")
    public Object confirm(@PathParam("key") String key) {
        Form posted = Form.posted();
        String onMatch = posted.text("onMatch");
        List<String> explicit = posted.all("map");
        FormErrors errors = new FormErrors();
        posted.errors().forEach(errors::add); // a NUL character, said on its field
        String match = onMatch(onMatch, errors);
        if (!errors.isEmpty()) {
            return withFile(key, match, in -> imports.preview(in, List.of(), PREVIEW_ROWS),
                    detected -> review(key, "skip", detected, detected, explicit, errors));
        }
        // taken out of reach first: a second click on the button finds it gone, and then the first click's result
        return fileRefusals(key, match).submit(() -> claimOrEarlier(key),
                taken -> taken.earlierJob() != null ? jobPage(taken.earlierJob())
                        : importClaimed(key, match, explicit, taken.claimed()), () -> form());
    }

    /** The upload claimed for this click's import, or the job an earlier click made of it. */
    private record Taken(PendingImports.Claimed claimed, UUID earlierJob) {
    }

    /**
     * A double click, or the form sent again: the upload is taken, so the first click's import is waited for and
     * its result shown ({@link ImportJobs#importedFrom}). An import that failed gave the upload back: this click
     * tries it once more, as a single click would have. Gone for another reason (dropped, a day old): 404.
     */
    private Taken claimOrEarlier(String key) {
        try {
            return new Taken(pending.claim(key), null);
        } catch (ProblemException gone) {
            UUID earlier = jobs.importedFrom(key);
            return earlier != null ? new Taken(null, earlier) : new Taken(pending.claim(key), null);
        }
    }

    private static Response jobPage(UUID job) {
        return Response.seeOther(URI.create("/contacts/import/jobs/" + job)).build();
    }

    private Object importClaimed(String key, String match, List<String> explicit, PendingImports.Claimed claimed) {
        Form importing = Form.of(Map.of()).names(FIELDS);
        Instant began = Instant.now();
        Optional<ImportJobs.Outcome> outcome;
        try {
            outcome = importing.attempt(() -> jobs.importClaimed(claimed, new ImportOptions(false, onMatch(match), explicit)));
        } catch (RuntimeException e) {
            pending.release(claimed);
            throw e;
        }
        if (outcome.isEmpty()) {
            // nothing was imported: the file goes back, and the check shows what refused it, with the check's figures
            // and the Import button again when the file itself is fine (another import was running: only "Check
            // again" was left, a walk); a dry run does not wait for another import
            pending.release(claimed);
            // (the columns as the organizer chose them, as the figures count them; the import's refusal said)
            return withFile(key, match, in -> imports.preview(in, List.of(), PREVIEW_ROWS),
                    detected -> checkDrawn(key, match, detected, detected, explicit, Form.of(Map.of()), importing));
        }
        if (outcome.get().jobId() != null) {
            // a large file: the job owns the file now; its page shows the progress
            return jobPage(outcome.get().jobId());
        }
        // kept before the upload goes, so a second click waiting for this one finds it (claimOrEarlier)
        jobs.recordDone(claimed, new ImportOptions(false, onMatch(match), explicit), outcome.get().report(), began);
        pending.dropClaimed(claimed);
        return Templates.done(outcome.get().report(), MESSAGES_SHOWN);
    }

    /**
     * A background import: its progress while it runs, its result once done. htmx polls the
     * {@code progress} fragment every second while the job runs; without script the page has a
     * Refresh link. Only the organizer who started it sees it (404 for anyone else).
     */
    @GET
    @Path("jobs/{id}")
    public TemplateInstance job(@PathParam("id") String id, @HeaderParam("HX-Request") String htmx) {
        ImportJobs.Job job = jobs.find(Ids.parse(id, "import"));
        return htmx != null ? Templates.job$progress(job, MESSAGES_SHOWN) : Templates.job(job, MESSAGES_SHOWN);
    }

    @POST
    @Path("{key}/discard")
    public Response discard(@PathParam("key") String key) {
        pending.drop(key);
        return Response.seeOther(URI.create("/contacts/import")).build();
    }

    /** The waiting file read, then {@code then} with what was read; a refusal of the file draws {@link #unusable}. */
    private <T> Object withFile(String key, String match, Function<InputStream, T> reading, Function<T, ?> then) {
        return fileRefusals(key, match).submit(() -> read(key, reading), then, () -> form());
    }

    /**
     * A refusal of the file itself (unreadable, not a table, gone): its words on the upload form,
     * through the pages' one binder ({@link Form}) rather than a catch here.
     */
    private Form fileRefusals(String key, String match) {
        return Form.of(Map.of()).on(p -> true, p -> unusable(key, match, p));
    }

    /**
     * The file itself cannot be imported (or is gone): say why on the upload form. Kept, for the next try, when the
     * refusal is of the moment and not of the file (a lock waited for, a lost race, a change past its time: a 409,
     * or a status with Retry-After).
     */
    private TemplateInstance unusable(String key, String match, ProblemException e) {
        if (e.status() != 404 && e.status() != 409 && e.retryAfter() == null) {
            pending.drop(key);
        }
        return upload(match == null ? "skip" : match, Map.of("file", Refusals.said(e.getMessage())));
    }

    private <T> T read(String key, Function<InputStream, T> reading) {
        try (InputStream in = pending.open(key)) {
            return reading.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Header:field" for each column whose choice differs from what was detected. */
    static List<String> overrides(ImportPreview detected, List<String> chosen) {
        List<String> map = new ArrayList<>();
        if (chosen == null || chosen.size() != detected.columns().size()) {
            return map;
        }
        for (int i = 0; i < chosen.size(); i++) {
            PreviewColumn c = detected.columns().get(i);
            String choice = Forms.blankToNull(chosen.get(i));
            if (Field.IGNORE.word.equals(choice)) {
                choice = null;
            }
            // a column without a name cannot be named in a mapping; it stays as detected (not imported)
            if (!Objects.equals(choice, c.detected()) && Forms.blankToNull(c.header()) != null) {
                map.add(c.header().trim() + ":" + (choice == null ? Field.IGNORE.word : choice));
            }
        }
        return map;
    }

    static List<Option> fieldOptions() {
        List<Option> options = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f != Field.IGNORE) {
                options.add(new Option(f.word, org.groundwork.web.Labels.word("import_field", f.word)));
            }
        }
        return options;
    }

    private static String onMatch(String value, FormErrors errors) {
        String v = Forms.blankToNull(value);
        if (v == null) {
            return "skip";
        }
        if (v.equals("skip") || v.equals("update")) {
            return v;
        }
        errors.add("onMatch", PageLanguage.reports().import_choose_on_match());
        return null;
    }

    private static OnMatch onMatch(String word) {
        return "update".equals(word) ? OnMatch.UPDATE : OnMatch.SKIP;
    }
}
