package org.groundwork.importexport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.contact.ContactErased;
import org.groundwork.importexport.ImportJson.ImportJobView;
import org.groundwork.importexport.ImportJson.ImportOptions;
import org.groundwork.importexport.ImportJson.ImportReport;
import org.groundwork.importexport.ImportJson.OnMatch;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Text;
import org.groundwork.platform.LongChanges;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Imports of files over {@code groundwork.import.background-rows} rows run here, in the
 * background: the confirmation answers at once with a job, and the job's progress is kept in
 * PostgreSQL ({@code import_job}) so any instance can show it. The import itself is the same
 * {@link ContactImportService#importFor} in one transaction (all or nothing, as a direct
 * import); the job's row is marked done in that same transaction, so "done" and the saved
 * contacts commit together. Progress and heartbeats are written in short transactions of their
 * own. A job whose instance stops sending heartbeats is shown as interrupted by whichever
 * instance is asked next: its transaction never committed, so nothing of it was saved.
 *
 * <p>Every database access of a job goes through {@link TeamWork#runForTeam}, which knows the
 * job's team: the one place where a team scope for row-level security is to be set.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    /** Write progress at most this often (a poll every second sees it move). */
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(250).toNanos();
    private static final int IMPORT_TIMEOUT_SECONDS = 1800;
    private static final int SHORT_TIMEOUT_SECONDS = 30;
    /** Finished jobs are kept this many days (their page and GET answer), then deleted. */
    static final int KEPT_FOR_DAYS = 7;
    private static final String COLUMNS = "id, state, file_name, on_match, rows_expected, rows_read, created, updated,"
            + " skipped, error_rows, created_at, started_at, finished_at, failure, failure_status, report,"
            + " pending_import_id, mapping";

    @Inject
    ContactImportService imports;
    @Inject
    PendingImports pending;
    @Inject
    CurrentOrganizer current;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    TeamWork teamWork;
    @Inject
    ImportMemory memory;

    @ConfigProperty(name = "groundwork.import.background-rows", defaultValue = "2000")
    int backgroundRows;
    @ConfigProperty(name = "groundwork.import.workers", defaultValue = "2")
    int workers;
    @ConfigProperty(name = "groundwork.import.heartbeat", defaultValue = "PT5S")
    Duration heartbeat;
    @ConfigProperty(name = "groundwork.import.stale-after", defaultValue = "PT1M")
    Duration staleAfter;
    /** How often a job that other imports' memory keeps waiting tries again, and for how long in all. */
    @ConfigProperty(name = "groundwork.import.busy-retry", defaultValue = "PT15S")
    Duration busyRetry;
    @ConfigProperty(name = "groundwork.import.busy-wait", defaultValue = "PT30M")
    Duration busyWait;

    /** The jobs this instance holds (queued or running) and their teams: what the heartbeat keeps alive. */
    private final Map<UUID, UUID> held = new ConcurrentHashMap<>();
    private volatile ExecutorService executor;
    private volatile ScheduledExecutorService beat;

    /** A job as stored; {@code pendingImportId} is the waiting file while the job needs it or failed. */
    record Job(UUID id, String state, String fileName, OnMatch onMatch, int rowsExpected, int rowsRead, int created,
               int updated, int skipped, int errorRows, Instant createdAt, Instant startedAt, Instant finishedAt,
               String failure, Integer failureStatus, ImportReport report, UUID pendingImportId, List<String> map) {

        public boolean finished() {
            return finishedAt != null;
        }

        /** Share of the file read, from the expected rows (an upper bound, so it may end below 100 until done). */
        public int percent() {
            if ("done".equals(state)) {
                return 100;
            }
            return rowsExpected == 0 ? 0 : (int) Math.min(99, rowsRead * 100L / rowsExpected);
        }

        /** The word the page's forms take ({@code skip}, {@code update}). */
        public String onMatchWord() {
            return onMatch.name().toLowerCase(Locale.ROOT);
        }

        ImportJobView view() {
            // a job that failed or was interrupted saved nothing (one transaction): its counts so far had been left
            // as they stood, and a script reading "created": 5612 believed in people that do not exist (a walk)
            boolean nothingSaved = "failed".equals(state) || "interrupted".equals(state);
            return new ImportJobView(id, state, onMatch.name().toLowerCase(Locale.ROOT), rowsExpected,
                    rowsRead, nothingSaved ? 0 : created, nothingSaved ? 0 : updated, nothingSaved ? 0 : skipped,
                    errorRows, percent(), createdAt, startedAt, finishedAt, failure, report);
        }
    }

    /** Files with more rows than this are imported in the background. */
    int backgroundRows() {
        return backgroundRows;
    }

    /** Either the import's answer (a small file, imported at once) or the background job importing it. */
    record Outcome(ImportReport report, UUID jobId) {
    }

    /**
     * The API's import: a dry run, or a file of up to {@link #backgroundRows} rows, is imported at
     * once as before; a larger file is kept as a pending upload (in PostgreSQL, so any instance
     * can run it) and imported by a job.
     */
    Outcome importUpload(InputStream body, ImportOptions options) {
        if (options.dryRun()) {
            // a check writes nothing and answers with what the import would do: always at once
            return new Outcome(imports.importContacts(body, options), null);
        }
        try (FileRows.Spooled file = FileRows.spool(body, imports.maxBytes())) {
            // refused now (413), not by a job that would fail later
            imports.refuseOverRows(file.rows(), file::open);
            if (file.rows() <= backgroundRows) {
                try (InputStream in = file.open()) {
                    return new Outcome(imports.importContacts(in, options), null);
                }
            }
            imports.refuseTooWide(file::open);
            PendingImports.Claimed claimed = pending.claim(pending.keep(file.path(), "", file.size()));
            try {
                return new Outcome(null, start(claimed, file.rows(), options));
            } catch (RuntimeException e) {
                pending.dropClaimed(claimed);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The import page's confirmation of a claimed file: imported at once when small, else by a
     * job, which then owns the claim. The caller gives the claim back or drops it only for an
     * answer given at once.
     */
    Outcome importClaimed(PendingImports.Claimed claimed, ImportOptions options) {
        int rows;
        try (InputStream in = pending.open(claimed)) {
            rows = FileRows.afterHeader(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        imports.refuseOverRows(rows, () -> pending.open(claimed));
        if (rows <= backgroundRows) {
            try (InputStream in = pending.open(claimed)) {
                return new Outcome(imports.importContacts(in, options), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Outcome(null, start(claimed, rows, options));
    }

    /**
     * A page's small import, done at once, kept as a finished job under its upload (V28_26), before the upload is
     * dropped: a second click on Import finds this answer by it ({@link #importedFrom}). The answer was already
     * given; failing to keep it costs only that, so it is logged, not thrown.
     */
    void recordDone(PendingImports.Claimed claimed, ImportOptions options, ImportReport report, Instant began) {
        UUID organizer = current.id();
        try {
            String answer = json.writeValueAsString(report);
            int read = report.created() + report.updated() + report.skipped() + report.errorRows();
            forgetOld(claimed.teamId()); // kept a week, as a background job's: its row messages quote the file
            runForTeam(claimed.teamId(), SHORT_TIMEOUT_SECONDS, () -> {
                try (Connection c = dataSource.getConnection();
                     // a person erased since the import began: its row messages left out, as finish() does
                     PreparedStatement ps = c.prepareStatement("insert into import_job (id, team_id, organizer_id, state,"
                             + " on_match, mapping, file_name, rows_expected, rows_read, created, updated, skipped, error_rows,"
                             + " report, started_at, finished_at, upload_id)"
                             + " select ?, p.team_id, ?, 'done', ?, ?, p.file_name, ?, ?, ?, ?, ?, ?,"
                             + answerUnlessErasedSince("p.team_id", "?") + ","
                             + " now(), now(), p.id from pending_import p where p.id = ? and p.team_id = ?")) {
                    ps.setObject(1, Ids.next());
                    ps.setObject(2, organizer);
                    ps.setString(3, options.onMatch().name().toLowerCase(Locale.ROOT));
                    ps.setArray(4, c.createArrayOf("text", options.map() == null ? new Object[0] : options.map().toArray()));
                    ps.setInt(5, read);
                    ps.setInt(6, read);
                    ps.setInt(7, report.created());
                    ps.setInt(8, report.updated());
                    ps.setInt(9, report.skipped());
                    ps.setInt(10, report.errorRows());
                    // the app's clock against the database's: a minute early, so a skew empties messages rather than
                    // keeping an erased person's
                    ps.setTimestamp(11, Timestamp.from(began.minusSeconds(60)));
                    ps.setString(12, answer);
                    ps.setString(13, answer);
                    ps.setObject(14, claimed.id());
                    ps.setObject(15, claimed.teamId());
                    return ps.executeUpdate();
                }
            });
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf(e, "Could not keep the answer of the import of upload %s", claimed.id());
        }
    }

    /**
     * How long after the first click's claim a second click on Import waits for that import's result: a small
     * import takes seconds; under a proxy's read timeout (nginx's 60 s).
     */
    private static final Duration SECOND_CLICK_WAIT = Duration.ofSeconds(30);

    /**
     * The job that imported this organizer's upload, or null: asked when a click on Import finds the upload taken
     * (a double click, the form sent again). While another click's import holds the upload it is waited for (up to
     * {@link #SECOND_CLICK_WAIT} after it took it), so the second click answers with the first one's result rather
     * than "choose the file again" (a walk: that invited importing the file twice). A background job is found at
     * once: it is recorded when it starts.
     */
    UUID importedFrom(String key) {
        UUID upload;
        try {
            upload = Ids.read(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
        UUID team = current.teamId();
        UUID organizer = current.id();
        while (true) {
            // one statement, so one snapshot: the first click records its job before it drops the upload, so a
            // snapshot without the job still shows the upload taken. A failed or interrupted job gave the upload
            // back, and may be an earlier try of it: not this click's answer
            Object[] seen = runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ps = c.prepareStatement("select (select j.id from import_job j where j.team_id = ?"
                             + " and j.organizer_id = ? and j.upload_id = ? and j.state in ('queued', 'running', 'done')"
                             + " order by j.created_at desc limit 1),"
                             + " exists (select 1 from pending_import p where p.id = ? and p.team_id = ? and p.organizer_id = ?"
                             + " and p.claimed_at > now() - make_interval(secs => ?))")) {
                    ps.setObject(1, team);
                    ps.setObject(2, organizer);
                    ps.setObject(3, upload);
                    ps.setObject(4, upload);
                    ps.setObject(5, team);
                    ps.setObject(6, organizer);
                    ps.setLong(7, SECOND_CLICK_WAIT.toSeconds());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new Object[]{rs.getObject(1, UUID.class), rs.getBoolean(2)};
                    }
                }
            });
            if (seen[0] != null || !(Boolean) seen[1]) {
                return (UUID) seen[0];
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * Starts the import of a claimed file in the background, for the calling organizer; the file
     * stays claimed until the job is done (then it is dropped) or failed (then it is given back).
     * A second job while one of the team's is queued or running is refused (409), as a second
     * direct import is.
     */
    UUID start(PendingImports.Claimed claimed, int rowsExpected, ImportOptions options) {
        UUID team = current.teamId();
        UUID organizer = current.id();
        UUID id = Ids.next();
        interruptStale(team);
        forgetOld(team);
        runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("insert into import_job (id, team_id, organizer_id, on_match,"
                         + " mapping, file_name, rows_expected, pending_import_id, upload_id)"
                         + " select ?, ?, ?, ?, ?, file_name, ?, id, id from pending_import where id = ? and team_id = ?")) {
                ps.setObject(1, id);
                ps.setObject(2, team);
                ps.setObject(3, organizer);
                ps.setString(4, options.onMatch().name().toLowerCase(Locale.ROOT));
                ps.setArray(5, c.createArrayOf("text", options.map() == null ? new Object[0] : options.map().toArray()));
                ps.setInt(6, rowsExpected);
                ps.setObject(7, claimed.id());
                ps.setObject(8, team);
                if (ps.executeUpdate() != 1) {
                    throw Problems.notFound("uploaded file");
                }
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw anotherRunning();
                }
                throw new IllegalStateException("Could not start the import", e);
            }
            return null;
        });
        held.put(id, team);
        LOG.infof("Import job %s queued for team %s: up to %d rows", id, team, rowsExpected);
        long queued = System.nanoTime();
        executor().execute(() -> run(id, team, organizer, claimed, rowsExpected, options, queued));
        return id;
    }

    static ProblemException anotherRunning() {
        return Problems.conflict("Another import into your team is running; try again when it has finished."
                + " Nothing was imported.");
    }

    /** The caller's own job; another organizer's or team's answers 404 like an unknown id. */
    Job find(UUID id) {
        UUID team = current.teamId();
        UUID organizer = current.id();
        interruptStale(team);
        Job job = runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from import_job"
                         + " where id = ? and team_id = ? and organizer_id = ?")) {
                ps.setObject(1, id);
                ps.setObject(2, team);
                ps.setObject(3, organizer);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? job(rs) : null;
                }
            }
        });
        if (job == null) {
            throw Problems.notFound("import");
        }
        return job;
    }

    /** Every database access of a job goes through here, since a job has no request to carry its team. */
    private <T> T runForTeam(UUID teamId, int timeoutSeconds, Callable<T> work) {
        return teamWork.runForTeam(teamId, timeoutSeconds, work);
    }

    // ---- the job, on a worker thread of this instance ----------------------------------------

    private void run(UUID id, UUID team, UUID organizer, PendingImports.Claimed claimed, int rowsExpected,
                     ImportOptions options, long queued) {
        long started = System.nanoTime();
        boolean waiting = false;
        try {
            boolean begun = runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> update(
                    "update import_job set state = 'running', started_at = now(), heartbeat_at = now()"
                            + " where id = ? and state = 'queued'", id) == 1);
            if (!begun) {
                LOG.infof("Import job %s was no longer queued (interrupted); not run", id);
                return;
            }
            LOG.infof("Import job %s started", id);
            Tracker tracker = new Tracker(id, team, rowsExpected);
            ImportReport report;
            // its rows stay held until it commits: the team's requests meanwhile wait briefly for them
            try (InputStream in = pending.open(claimed); var underway = LongChanges.begin(team)) {
                report = runForTeam(team, IMPORT_TIMEOUT_SECONDS, () -> {
                    ImportReport r = imports.importFor(team, organizer, in, options, tracker);
                    // in the import's own transaction: "done" commits with the contacts, or neither does
                    if (finish(id, r) != 1) {
                        throw new Interrupted();
                    }
                    return r;
                });
            }
            pending.dropClaimed(claimed);
            LOG.infof("Import job %s done: %d rows read, %d created, %d updated, %d skipped, %d errors in %d ms",
                    id, tracker.read, report.created(), report.updated(), report.skipped(), report.errorRows(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Interrupted e) {
            LOG.warnf("Import job %s was marked interrupted while it ran; its work was rolled back", id);
        } catch (ProblemException e) {
            waiting = waitsToTryAgain(e, id, team, queued,
                    () -> run(id, team, organizer, claimed, rowsExpected, options, queued));
            if (!waiting) {
                // the same refusals a direct import answers (unreadable file, a row the database refused…)
                fail(id, team, e.status(), e.getMessage());
                pending.release(claimed);
                LOG.infof("Import job %s failed (%d); nothing was imported", id, e.status());
            }
        } catch (RuntimeException | IOException e) {
            // the exception's text may quote a value of the file: only its type goes to the log at INFO+
            LOG.errorf("Import job %s failed (%s); nothing was imported", id, e.getClass().getName());
            LOG.debugf(e, "Import job %s failed", id);
            fail(id, team, 500, "The import failed on the server. Nothing was imported; try again, and tell"
                    + " your admin if it happens again.");
            pending.release(claimed);
        } finally {
            if (!waiting) {
                held.remove(id);
            }
        }
    }

    /**
     * A refusal that says when to try again is not the file's fault: other imports on this instance
     * hold the memory this one needs (ImportMemory's 503). A direct import answers it and its client
     * tries again; a job has no client waiting, so it goes back to queued (its transaction rolled
     * back, nothing of it saved) and tries again by itself once they hold less (looked at every
     * {@link #busyRetry}), for at most {@link #busyWait} since it was queued. Its heartbeat goes on
     * meanwhile; a stop of the instance shows it as interrupted, as any queued job.
     */
    private boolean waitsToTryAgain(ProblemException refused, UUID id, UUID team, long queued, Runnable again) {
        if (refused.retryAfter() == null || System.nanoTime() - queued > busyWait.toNanos()) {
            return false;
        }
        boolean requeued = runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> update("update import_job set"
                + " state = 'queued', started_at = null, rows_read = 0, created = 0, updated = 0, skipped = 0,"
                + " error_rows = 0, heartbeat_at = now() where id = ? and state = 'running'", id) == 1);
        if (!requeued) {
            return false;
        }
        try {
            // what the others held when it was refused (not after: one that ended in between must count)
            tryAgainWhenFreed(refused instanceof ImportMemory.Busy busy ? busy.othersHeld : memory.held(), queued, again);
        } catch (RejectedExecutionException stopping) {
            return false; // the instance is stopping: the job fails with the refusal's words
        }
        LOG.infof("Import job %s waits for other imports' memory; it tries again when they hold less", id);
        return true;
    }

    /**
     * Runs the job again once the other imports hold less than when it was refused (reading its file
     * again before that would only be refused at the same line, or push out an import still running),
     * or when its wait is over: then the refusal it meets ends it.
     */
    private void tryAgainWhenFreed(long othersHeld, long queued, Runnable again) {
        beat.schedule(() -> {
            if (memory.held() >= othersHeld && System.nanoTime() - queued <= busyWait.toNanos()) {
                tryAgainWhenFreed(othersHeld, queued, again);
            } else {
                executor.execute(again);
            }
        }, Math.max(1, busyRetry.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The job was declared interrupted (its heartbeat looked stale) while it still ran: undo it. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** Progress after each row, written at most every {@link #PROGRESS_EVERY_NANOS}; a log line at each tenth. */
    private final class Tracker implements ContactImportService.Progress {
        final UUID id;
        final UUID team;
        final int expected;
        int read;
        long lastWrite = System.nanoTime();
        int lastTenth;

        Tracker(UUID id, UUID team, int expected) {
            this.id = id;
            this.team = team;
            this.expected = Math.max(1, expected);
        }

        @Override
        public void rows(int read, int created, int updated, int skipped, int errorRows) {
            this.read = read;
            int tenth = (int) Math.min(10, read * 10L / expected);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                LOG.infof("Import job %s: %d%% (%d of up to %d rows read; so far %d created, %d updated, %d skipped,"
                        + " %d errors)", id, tenth * 10, read, expected, created, updated, skipped, errorRows);
            }
            long now = System.nanoTime();
            if (now - lastWrite < PROGRESS_EVERY_NANOS) {
                return;
            }
            lastWrite = now;
            // a transaction of its own (the import's is suspended meanwhile), so pollers see it at once
            int changed = runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ps = c.prepareStatement("update import_job set rows_read = ?, created = ?,"
                             + " updated = ?, skipped = ?, error_rows = ?, heartbeat_at = now()"
                             + " where id = ? and state = 'running'")) {
                    ps.setInt(1, read);
                    ps.setInt(2, created);
                    ps.setInt(3, updated);
                    ps.setInt(4, skipped);
                    ps.setInt(5, errorRows);
                    ps.setObject(6, id);
                    return ps.executeUpdate();
                }
            });
            if (changed != 1) {
                throw new Interrupted();
            }
        }
    }

    /** What a report's row messages are replaced with when they may quote an erased person: none (the counts stay). */
    private static final String WITHOUT_ROW_MESSAGES = "'{\"errors\": [], \"warnings\": []}'::jsonb";

    /**
     * The answer (a {@code ?} given twice, as JSON text) to store for a finished import of the team {@code team}
     * (SQL), without its row messages when someone of that team was erased since {@code since} (SQL): they may quote
     * that person, and the erasure's {@link #forgetRowMessages} could not clear a report written after it ran.
     */
    private static String answerUnlessErasedSince(String team, String since) {
        return " case when exists (select 1 from audit_event a where a.team_id = " + team
                + " and a.kind = 'erased' and a.at >= " + since + ")"
                + " then ?::jsonb || " + WITHOUT_ROW_MESSAGES + " else ?::jsonb end";
    }

    private int finish(UUID id, ImportReport report) throws SQLException {
        String answer;
        try {
            answer = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = dataSource.getConnection();
             // clock_timestamp(): this update joins the import's own transaction, whose now() is its start
             PreparedStatement ps = c.prepareStatement("update import_job set state = 'done', finished_at = clock_timestamp(),"
                     + " heartbeat_at = clock_timestamp(), rows_read = greatest(rows_read, ?), created = ?, updated = ?, skipped = ?,"
                     + " error_rows = ?, pending_import_id = null,"
                     // a person erased while the job ran may be quoted in its row messages, which
                     // forgetRowMessages could not clear yet (no report then): they are left out here
                     + " report = " + answerUnlessErasedSince("import_job.team_id", "import_job.started_at")
                     + " where id = ? and state = 'running'")) {
            ps.setInt(1, report.created() + report.updated() + report.skipped() + report.errorRows());
            ps.setInt(2, report.created());
            ps.setInt(3, report.updated());
            ps.setInt(4, report.skipped());
            ps.setInt(5, report.errorRows());
            ps.setString(6, answer);
            ps.setString(7, answer);
            ps.setObject(8, id);
            return ps.executeUpdate();
        }
    }

    private void fail(UUID id, UUID team, int status, String detail) {
        try {
            String text = detail == null ? "The import failed. Nothing was imported." : detail;
            String failure = Text.preview(text, 2000);
            runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ps = c.prepareStatement("update import_job set state = 'failed', finished_at = clock_timestamp(),"
                             + " failure = ?, failure_status = ? where id = ? and state in ('queued', 'running')")) {
                    ps.setString(1, failure);
                    ps.setInt(2, status >= 400 && status <= 599 ? status : 500);
                    ps.setObject(3, id);
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not mark import job %s failed (%s); it will show as interrupted", id, e.getClass().getName());
        }
    }

    /**
     * Queued or running jobs of the team whose heartbeat stopped belong to an instance that died:
     * shown as interrupted, and their file is given back to the organizer (it can be imported
     * again from the page). Their transaction never committed, so nothing of them was saved.
     */
    private void interruptStale(UUID team) {
        int stopped = runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("""
                         with stale as (
                           update import_job set state = 'interrupted', finished_at = now(), failure = ?
                           where team_id = ? and state in ('queued', 'running')
                             and heartbeat_at < now() - make_interval(secs => ?)
                           returning pending_import_id),
                         given_back as (
                           update pending_import set claimed_at = null
                           where id in (select pending_import_id from stale) returning id)
                         select count(*) from stale""")) {
                ps.setString(1, "The import stopped before it finished: the server running it was stopped or crashed."
                        + " Nothing of it was saved (an import is saved all at once at its end). Import the file again.");
                ps.setObject(2, team);
                ps.setDouble(3, staleAfter.toMillis() / 1000.0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        if (stopped > 0) {
            LOG.warnf("%d import job(s) of team %s had no heartbeat for %s: marked interrupted", stopped, team, staleAfter);
        }
    }

    /**
     * A finished job's answer quotes values of the file in its row messages ("'x@' is not an email
     * address"): jobs are kept for {@link #KEPT_FOR_DAYS} days after they finished, then deleted.
     */
    private void forgetOld(UUID team) {
        runForTeam(team, SHORT_TIMEOUT_SECONDS, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("delete from import_job where team_id = ?"
                         + " and finished_at < now() - make_interval(days => ?)")) {
                ps.setObject(1, team);
                ps.setInt(2, KEPT_FOR_DAYS);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * An erased person may be quoted in a job's row messages: the team's jobs lose their messages
     * (the counts stay), in the erasure's own transaction, as the team's waiting files do.
     */
    void forgetRowMessages(@Observes ContactErased erased) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update import_job set report = report || "
                     + WITHOUT_ROW_MESSAGES + " where team_id = ? and report is not null")) {
            ps.setObject(1, erased.teamId());
            ps.executeUpdate();
        }
    }

    /** Keeps this instance's jobs alive in the table, queued ones included. */
    private void beat() {
        for (Map.Entry<UUID, UUID> job : held.entrySet()) {
            try {
                runForTeam(job.getValue(), SHORT_TIMEOUT_SECONDS, () -> update("update import_job set heartbeat_at = now()"
                        + " where id = ? and state in ('queued', 'running')", job.getKey()));
            } catch (RuntimeException e) {
                LOG.warnf("Could not write the heartbeat of import job %s (%s)", job.getKey(), e.getClass().getName());
            }
        }
    }

    private int update(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            return ps.executeUpdate();
        }
    }

    private Job job(ResultSet rs) throws SQLException {
        String answer = rs.getString(16);
        ImportReport report = null;
        if (answer != null) {
            try {
                report = json.readValue(answer, ImportReport.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable import answer of job " + rs.getObject(1), e);
            }
        }
        Array mapping = rs.getArray(18);
        return new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                OnMatch.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getInt(5), rs.getInt(6),
                rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), rs.getString(14),
                (Integer) rs.getObject(15), report, rs.getObject(17, UUID.class),
                mapping == null ? List.of() : Arrays.asList((String[]) mapping.getArray()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Created on first use, so an instance that never imports a large file starts no threads. */
    private ExecutorService executor() {
        if (executor == null) {
            synchronized (this) {
                if (executor == null) {
                    // its own small pool: a long import never holds one of the HTTP worker threads
                    executor = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
                        Thread t = new Thread(r, "import-job");
                        t.setDaemon(true);
                        return t;
                    });
                    beat = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "import-heartbeat");
                        t.setDaemon(true);
                        return t;
                    });
                    long every = Math.max(100, heartbeat.toMillis());
                    beat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
                }
            }
        }
        return executor;
    }

    /**
     * At shutdown running jobs are not waited for: their transactions end with the process and
     * roll back, and their rows show as interrupted once the heartbeat is stale.
     */
    void onStop(@Observes ShutdownEvent event) {
        if (beat != null) {
            beat.shutdownNow();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
