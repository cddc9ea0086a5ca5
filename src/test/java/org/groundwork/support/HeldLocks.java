package org.groundwork.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * For race tests that hold one side of a race open on a connection of the test's own: waits until
 * the other side, a request, is blocked on that connection's locks, so the order is the one the
 * test means however slow the machine, not one a sleep hopes for.
 */
public final class HeldLocks {

    private HeldLocks() {
    }

    /**
     * Until each request waits for a lock the holder's transaction has, or is answered without
     * waiting: a build without the lock a test is about goes straight through, and the test's
     * assertion then fails on what it wrote.
     */
    public static void waitUntilBlocked(DataSource dataSource, Connection holder, CompletableFuture<?>... requests)
            throws Exception {
        int holderPid;
        try (PreparedStatement ps = holder.prepareStatement("select pg_backend_pid()");
             ResultSet r = ps.executeQuery()) {
            r.next();
            holderPid = r.getInt(1);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection watching = AllTeams.connection(dataSource);
             // blocked by the holder, or queued behind one that is (a row's second waiter waits for the first)
             PreparedStatement waiting = watching.prepareStatement("""
                     with recursive blocked(pid) as (
                         select pid from pg_stat_activity where ? = any(pg_blocking_pids(pid))
                         union
                         select a.pid from pg_stat_activity a join blocked b on b.pid = any(pg_blocking_pids(a.pid))
                     )
                     select count(*) from blocked""")) {
            waiting.setInt(1, holderPid);
            while (true) {
                long answered = Arrays.stream(requests).filter(CompletableFuture::isDone).count();
                if (answered == requests.length) {
                    return;
                }
                try (ResultSet r = waiting.executeQuery()) {
                    r.next();
                    if (r.getInt(1) + answered >= requests.length) {
                        return;
                    }
                }
                if (System.nanoTime() > until) {
                    fail("the requests neither waited for the lock nor were answered in 20 s");
                }
                Thread.sleep(10);
            }
        }
    }

    /** One statement on the holder's connection, its one parameter an id. */
    public static void execute(Connection c, String sql, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            ps.execute();
        }
    }
}
