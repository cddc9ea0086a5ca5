package org.groundwork.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;

/**
 * The organizing work as counters and timers for an operator's Prometheus (prefix
 * {@code groundwork_}, listed in docs/operations.md). The services call it next to their audit
 * call, where the fact is known: the audit trail deliberately holds no first-timer mark, reason,
 * outcome or duration, so it cannot be counted from there.
 *
 * <p>Tags are only words from a small fixed set (an enum word, an outcome, a kind): never a name,
 * an id, a team or an organizer. Per-team series would grow with every team (cardinality) and
 * say which union is busy (privacy).
 *
 * <p>A count made inside a transaction moves only when that transaction commits: a write that is
 * rolled back (a dry-run import, a bad id in a conversation's list) was never done.
 */
@ApplicationScoped
public class BusinessMetrics {

    static final String PREFIX = "groundwork.";

    @Inject
    MeterRegistry registry;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The tag-less series and the fixed outcomes exist from the start, at 0, so rates work from the first scrape. */
    void registerAtStart(@Observes StartupEvent start) {
        counter("conversations.logged");
        counter("checkins", "first_time", "true");
        counter("checkins", "first_time", "false");
        for (String outcome : new String[] {"created", "updated", "skipped", "error"}) {
            counter("imports.rows", "outcome", outcome);
        }
        for (String outcome : new String[] {"ok", "failed", "throttled"}) {
            counter("logins", "outcome", outcome);
        }
    }

    public void conversationLogged() {
        afterCommit(() -> counter("conversations.logged").increment());
    }

    /** An attendance newly recorded at an action (a check-in), first-timer or not. */
    public void checkedIn(boolean firstTime) {
        afterCommit(() -> counter("checkins", "first_time", Boolean.toString(firstTime)).increment());
    }

    public void followUpOpened(Word reason) {
        afterCommit(() -> counter("followups.opened", "reason", reason.word()).increment());
    }

    public void followUpDone(Word reason) {
        afterCommit(() -> counter("followups.done", "reason", reason.word()).increment());
    }

    /** A real import's rows by outcome and how long it took (dry runs are previews: not counted). */
    public void imported(int created, int updated, int skipped, int errors, Duration took) {
        afterCommit(() -> {
            counter("imports.rows", "outcome", "created").increment(created);
            counter("imports.rows", "outcome", "updated").increment(updated);
            counter("imports.rows", "outcome", "skipped").increment(skipped);
            counter("imports.rows", "outcome", "error").increment(errors);
            Timer.builder(PREFIX + "imports.duration").description("Time a contact import took")
                    .register(registry).record(took);
        });
    }

    /** An export streamed to its end; {@code kind} is the file (contacts, conversations). */
    public void exported(String kind) {
        afterCommit(() -> counter("exports", "kind", kind).increment());
    }

    /** How long a report took to compute; {@code kind} is {@code time} or {@code movement}. */
    public void reported(String kind, Duration took) {
        Timer.builder(PREFIX + "reports.duration").description("Time a report took to compute")
                .tag("kind", kind).register(registry).record(took);
    }

    /** Login outcomes: see {@link LoginMetrics}, which the login code calls. */
    void login(String outcome) {
        counter("logins", "outcome", outcome).increment();
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(PREFIX + name).tags(tags).register(registry);
    }

    private void afterCommit(Runnable count) {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
