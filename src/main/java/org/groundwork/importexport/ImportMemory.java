package org.groundwork.importexport;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.platform.ProblemException;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many contacts' keys the imports running on this instance may hold in memory at once. An
 * import keeps the keys of the team's contacts and of each contact its file creates to its end
 * (matching needs no query per line), so its memory grows with the team as well as the file: a
 * team of 500,000 people and a file of 200,000 new ones took the app past its 256 MB heap, and
 * the JVM, told to exit on running out, took every other request down with it. Each import now
 * takes its contacts from this one budget as it reads them and gives them back when it ends; one
 * that would pass it is refused whole (its transaction rolls back, nothing is written) instead.
 * docs/import.md, "Memory".
 */
@ApplicationScoped
public class ImportMemory {

    private static final Logger LOG = Logger.getLogger(ImportMemory.class);

    /**
     * Heap per contact held, rounded up from a class histogram of an import holding 415,000: 287 bytes
     * each, its Target, its id, the email and phone keys and two map entries (docs/import.md, "Memory").
     */
    static final long BYTES_PER_CONTACT = 300;
    /** Left to the rest of the app while imports run: requests, the two batches, garbage not yet collected. */
    static final long RESERVE_BYTES = 96L * 1024 * 1024;
    /** The budget from the heap: the largest heap does not change while the JVM runs. */
    private static final long FROM_HEAP = Math.max(0, (Runtime.getRuntime().maxMemory() - RESERVE_BYTES) / BYTES_PER_CONTACT);
    /** How long a client is asked to wait when other imports hold the budget. */
    static final long RETRY_SECONDS = 60;

    /** 0: from the heap (below); set to cap it by hand, as the tests do. */
    @ConfigProperty(name = "groundwork.import.max-held-contacts", defaultValue = "0")
    long configured;
    @ConfigProperty(name = "groundwork.import.max-rows", defaultValue = "200000")
    int maxRows;

    private final AtomicLong held = new AtomicLong();

    /** The most contacts all running imports may hold at once. */
    public long limit() {
        return configured > 0 ? configured : FROM_HEAP;
    }

    /** How many contacts the running imports hold now. */
    long held() {
        return held.get();
    }

    /** Said once at start: an operator sizing the heap sees what imports it allows. */
    void said(@Observes StartupEvent started) {
        long limit = limit();
        if (limit < maxRows) {
            LOG.warnf("Imports may hold %d contacts in memory at once, fewer than one file's row limit (%d):"
                    + " give the JVM more heap, or lower groundwork.import.max-rows (raise"
                    + " groundwork.import.max-held-contacts only as far as the heap allows: docs/import.md,"
                    + " \"The contacts held\")", limit, maxRows);
        } else {
            LOG.infof("Imports may hold %d contacts in memory at once (%s)", limit,
                    configured > 0 ? "groundwork.import.max-held-contacts" : "from the heap");
        }
    }

    /** An import's share of the budget; closed when the import ends, whatever way it ends. */
    public Share share(UUID team) {
        return new Share(team);
    }

    public final class Share implements AutoCloseable {
        private final UUID team;
        private long mine;

        private Share(UUID team) {
            this.team = team;
        }

        /**
         * Takes {@code contacts} more, or refuses the import: 413 when it alone would hold more than
         * the instance can, 503 when it would fit but other imports hold the rest now.
         */
        public void take(long contacts) {
            long limit = limit();
            if (mine + contacts > limit) {
                LOG.infof("An import of team %s was refused: it alone would hold %d contacts, over %d", team,
                        mine + contacts, limit);
                throw tooMany(limit);
            }
            while (true) {
                long now = held.get();
                if (now + contacts > limit) {
                    LOG.infof("An import of team %s was refused for now: it would hold %d contacts, and the"
                            + " instance's imports hold %d of %d", team, mine + contacts, now, limit);
                    throw new Busy(now - mine);
                }
                if (held.compareAndSet(now, now + contacts)) {
                    mine += contacts;
                    return;
                }
            }
        }

        @Override
        public void close() {
            held.addAndGet(-mine);
            mine = 0;
        }
    }

    static ProblemException tooMany(long limit) {
        return new ProblemException(413, "Content too large",
                "This import would hold more than " + limit + " contacts in memory (your team's with email or phone,"
                        + " and the new ones in the file), more than this server can; import a smaller file, or ask"
                        + " your administrator to give the server more memory. Nothing was imported.");
    }

    /**
     * The refusal for now: 503 with Retry-After. {@code othersHeld}: what the other imports held at that
     * moment, so a background job waits until they hold less (ImportJobs), read as one with the refusal.
     */
    static final class Busy extends ProblemException {
        final long othersHeld;

        Busy(long othersHeld) {
            super(503, "Service unavailable",
                    "The server is busy with other large imports; try again in a minute. Nothing was imported.");
            retryAfter(RETRY_SECONDS);
            this.othersHeld = othersHeld;
        }
    }
}
