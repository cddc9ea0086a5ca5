package org.groundwork.importexport;

import org.groundwork.platform.Ids;
import org.groundwork.platform.TeamScope;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.groundwork.contact.ContactErased;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Text;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Files uploaded on the import page, kept between the check (dry run) and the confirmation so
 * the organizer does not choose the file twice. They wait in PostgreSQL ({@code pending_import}),
 * not on one instance's disk, because the confirmation may reach another instance behind the
 * proxy. Each is kept under its uploader's team and organizer, so a key is useless to anyone
 * else; rows are dropped once imported, when the organizer starts over, and a day after upload
 * at the latest.
 *
 * <p>Memory: a file of up to {@code groundwork.import.max-bytes} goes in as a stream of known
 * length (the driver sends it without buffering) and comes out in slices of {@link #SLICE}
 * bytes, each read on a connection of its own outside the caller's transaction (the import's
 * own connection is busy with its writer thread).
 */
@ApplicationScoped
class PendingImports {

    private static final Logger LOG = Logger.getLogger(PendingImports.class);
    static final Duration KEPT_FOR = Duration.ofDays(1);
    static final int SLICE = 256 * 1024;
    /**
     * A claim older than this belongs to an import that cannot be running any more (its
     * transaction times out after 30 minutes, or its instance was killed): the file is the
     * organizer's again instead of being lost until it expires.
     */
    private static final String LIVE_CLAIM = "claimed_at > now() - interval '31 minutes'";
    private static final String WAITING = "(claimed_at is null or not " + LIVE_CLAIM + ")";

    @Inject
    CurrentOrganizer current;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    TeamWork teamWork;

    /**
     * A file taken by a confirmation: read it, then give it back or drop it. It carries its team,
     * because a background import reads it without a request.
     */
    record Claimed(UUID id, UUID teamId) {
    }

    /** Stores the upload (the HTTP layer deletes its own copy after the request) and names it. */
    String keep(Path upload, String fileName, long size) {
        sweep();
        UUID key = UUID.randomUUID();
        // the column counts characters: cut at 255 of them, never between the two halves of an emoji
        String name = fileName == null ? "" : Text.characters(fileName) > 255 ? fileName.substring(0, fileName.offsetByCodePoints(0, 255)) : fileName;
        try (InputStream in = Files.newInputStream(upload);
             Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into pending_import (id, team_id, organizer_id, expires_at,"
                     + " file_name, size_bytes, content) values (?, ?, ?, now() + make_interval(secs => ?), ?, ?, ?)")) {
            ps.setObject(1, key);
            ps.setObject(2, current.teamId());
            ps.setObject(3, current.id());
            ps.setLong(4, KEPT_FOR.toSeconds());
            ps.setString(5, name);
            ps.setLong(6, size);
            // with its length, the driver streams the file onto the wire: no copy in memory
            ps.setBinaryStream(7, in, size);
            ps.executeUpdate();
            return key.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep the uploaded file", e);
        }
    }

    /** The waiting file, read in slices; a 404 problem when the key is not one of this organizer's uploads (any more). */
    InputStream open(String key) {
        UUID id = idOf(key);
        long size = outsideTransaction(current.teamId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("select size_bytes from pending_import where id = ?"
                    + " and team_id = ? and organizer_id = ? and expires_at > now() and " + WAITING)) {
                ps.setObject(1, id);
                ps.setObject(2, current.teamId());
                ps.setObject(3, current.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
        if (size < 0) {
            throw gone();
        }
        return new Slices(id, current.teamId(), size, false);
    }

    /**
     * Takes the file for the import itself, atomically: a second confirmation sent at the same
     * moment (a double click, or the same form posted to the other instance) finds it gone
     * instead of importing it twice. Give it back with {@link #release} when the import fails,
     * or drop it with {@link #dropClaimed}.
     */
    Claimed claim(String key) {
        UUID id = idOf(key);
        boolean taken = outsideTransaction(current.teamId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("update pending_import set claimed_at = now() where id = ?"
                    + " and team_id = ? and organizer_id = ? and expires_at > now() and " + WAITING + " returning id")) {
                ps.setObject(1, id);
                ps.setObject(2, current.teamId());
                ps.setObject(3, current.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!taken) {
            throw gone();
        }
        return new Claimed(id, current.teamId());
    }

    InputStream open(Claimed claimed) {
        long size = outsideTransaction(claimed.teamId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("select size_bytes from pending_import where id = ?")) {
                ps.setObject(1, claimed.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
        if (size < 0) {
            throw gone();
        }
        return new Slices(claimed.id(), claimed.teamId(), size, true);
    }

    void release(Claimed claimed) {
        try {
            update(claimed.teamId(), "update pending_import set claimed_at = null where id = ?", claimed.id());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not give back the pending import %s", claimed.id());
        }
    }

    void dropClaimed(Claimed claimed) {
        try {
            update(claimed.teamId(), "delete from pending_import where id = ?", claimed.id());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not delete the imported file %s", claimed.id());
        }
    }

    void drop(String key) {
        UUID id = idOf(key);
        try {
            outsideTransaction(current.teamId(), c -> {
                try (PreparedStatement ps = c.prepareStatement("delete from pending_import where id = ? and team_id = ?"
                        + " and organizer_id = ? and " + WAITING)) {
                    ps.setObject(1, id);
                    ps.setObject(2, current.teamId());
                    ps.setObject(3, current.id());
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not delete the pending import %s", key);
        }
    }

    private static UUID idOf(String key) {
        try {
            return Ids.read(key);
        } catch (IllegalArgumentException e) {
            throw gone();
        }
    }

    private static ProblemException gone() {
        return Problems.notFoundSaying("This uploaded file is no longer here (it was imported, dropped, or kept"
                + " longer than a day); choose the file again.");
    }

    /** Drops every team's uploads older than a day: abandoned checks must not keep people's data. */
    private void sweep() {
        try {
            // expired uploads of every team: the one instance-wide write here
            int dropped = acrossTeams(c -> {
                try (PreparedStatement ps = c.prepareStatement("delete from pending_import where expires_at <= now()"
                        + " and not coalesce(" + LIVE_CLAIM + ", false)")) {
                    return ps.executeUpdate();
                }
            });
            if (dropped > 0) {
                LOG.infof("Dropped %d pending import(s) kept longer than a day", dropped);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not sweep old pending imports", e);
        }
    }

    /**
     * An erased person may be in a file waiting to be imported: every pending upload of the team
     * goes (the files are not searched, which would mean reading people's data to find them), in
     * the erasure's own transaction, so the erasure and the drop commit together.
     */
    void forgetTeamUploads(@Observes ContactErased erased) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from pending_import where team_id = ?")) {
            ps.setObject(1, erased.teamId());
            ps.executeUpdate();
        }
    }

    /** Sweeps once at start too, so rows left before a restart do not wait for the next upload. */
    void onStart(@Observes StartupEvent event) {
        sweep();
    }

    private void update(UUID team, String sql, UUID id) {
        outsideTransaction(team, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, id);
                return ps.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * In a transaction of its own for the team, committed at once: the caller's transaction (an
     * import's, whose connection its writer thread is using) is suspended meanwhile. Through
     * {@link TeamWork#runForTeam}, since a background import reads its file without a request.
     */
    private <T> T outsideTransaction(UUID team, Work<T> work) {
        return teamWork.runForTeam(team, 60, () -> {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the pending imports", e);
            }
        });
    }

    /**
     * The instance's own housekeeping over every team's rows (the expiry sweep): on a connection
     * of its own outside any transaction, in the instance-wide bypass of row-level security.
     */
    private <T> T acrossTeams(Work<T> work) {
        return QuarkusTransaction.suspendingExisting().call(() -> {
            TeamScope.Work<T, RuntimeException> run = () -> {
                try (Connection c = dataSource.getConnection()) {
                    return work.run(c);
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not read the pending imports", e);
                }
            };
            return TeamScope.instanceWide(run);
        });
    }

    /** The file in slices of {@link #SLICE} bytes, one short query each. */
    private final class Slices extends InputStream {
        private final UUID id;
        private final long size;
        private final boolean claimed;
        private final UUID team;
        private final UUID organizer;
        private long position;
        private byte[] slice = new byte[0];
        private int at;

        Slices(UUID id, UUID team, long size, boolean claimed) {
            this.id = id;
            this.size = size;
            this.claimed = claimed;
            this.team = team;
            // a claimed file is read by its import, which may be a background job without a request
            this.organizer = claimed ? null : current.id();
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return slice[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, slice.length - at);
            System.arraycopy(slice, at, b, off, n);
            at += n;
            return n;
        }

        private boolean fill() {
            if (at < slice.length) {
                return true;
            }
            if (position >= size) {
                return false;
            }
            byte[] next = outsideTransaction(team, c -> {
                // the owner's check again on every slice: a file dropped meanwhile (erasure, start
                // over) stops being readable at once
                try (PreparedStatement ps = c.prepareStatement("select substring(content from ? for ?) from pending_import"
                        + " where id = ?" + (claimed ? "" : " and team_id = ? and organizer_id = ? and " + WAITING))) {
                    ps.setInt(1, Math.toIntExact(position + 1));
                    ps.setInt(2, SLICE);
                    ps.setObject(3, id);
                    if (!claimed) {
                        ps.setObject(4, team);
                        ps.setObject(5, organizer);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                }
            });
            if (next == null || next.length == 0) {
                throw gone();
            }
            slice = next;
            at = 0;
            position += next.length;
            return true;
        }
    }
}
