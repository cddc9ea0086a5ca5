package org.groundwork.importexport;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.contact.ContactErased;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.ProblemException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files uploaded on the import page, kept between the check (dry run) and the confirmation so
 * the organizer does not choose the file twice. Each is kept under its uploader's team and
 * organizer, so a key is useless to anyone else; files are dropped once imported, when the
 * organizer starts over, and a day after upload at the latest.
 */
@ApplicationScoped
class PendingImports {

    private static final Logger LOG = Logger.getLogger(PendingImports.class);
    static final Duration KEPT_FOR = Duration.ofDays(1);

    @Inject
    CurrentOrganizer current;
    @ConfigProperty(name = "groundwork.import.pending-dir")
    Path root;

    /** Copies the upload (the HTTP layer deletes its own copy after the request) and names it. */
    String keep(Path upload) {
        sweep();
        String key = UUID.randomUUID().toString();
        try {
            Path file = folder().resolve(key + ".csv");
            Files.createDirectories(file.getParent());
            // the folders say who uploaded what, the files hold people's data: the app's user only
            restrict(root, "rwx------");
            restrict(file.getParent().getParent(), "rwx------");
            restrict(file.getParent(), "rwx------");
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            restrict(file, "rw-------");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the uploaded file in " + root, e);
        }
    }

    /** The kept file; a 404 problem when the key is not one of this organizer's uploads (any more). */
    Path file(String key) {
        return existing(pathOf(key));
    }

    InputStream open(String key) {
        try {
            return Files.newInputStream(file(key));
        } catch (IOException e) {
            throw gone();
        }
    }

    /**
     * Takes the file for the import itself: renamed atomically, so a second confirmation sent
     * at the same moment (a double click) finds it gone instead of importing it twice. Give it
     * back with {@link #release} when the import fails, or drop it with {@link #dropClaimed}.
     */
    Path claim(String key) {
        Path file = file(key);
        Path claimed = file.resolveSibling(file.getFileName() + ".importing");
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
            return claimed;
        } catch (IOException e) {
            throw gone();
        }
    }

    void release(Path claimed) {
        String name = claimed.getFileName().toString();
        try {
            Files.move(claimed, claimed.resolveSibling(name.substring(0, name.length() - ".importing".length())),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf(e, "Could not give back the pending import %s", claimed);
        }
    }

    void dropClaimed(Path claimed) {
        try {
            Files.deleteIfExists(claimed);
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete the imported file %s", claimed);
        }
    }

    /** Gone when missing, and when older than a day even if no sweep has removed it yet. */
    private Path existing(Path file) {
        if (!Files.isRegularFile(file) || modifiedBefore(file, Instant.now().minus(KEPT_FOR))) {
            throw gone();
        }
        return file;
    }

    void drop(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete the pending import %s", key);
        }
    }

    private Path pathOf(String key) {
        try {
            // only a UUID names a file: nothing a client sends can walk out of the folder
            return folder().resolve(UUID.fromString(key) + ".csv");
        } catch (IllegalArgumentException e) {
            throw gone();
        }
    }

    private Path folder() {
        return root.resolve(current.teamId().toString()).resolve(current.id().toString());
    }

    private static RuntimeException gone() {
        return new ProblemException(404, "Not found", "This uploaded file is no longer here (it was imported, dropped, or kept"
                + " longer than a day); choose the file again.");
    }

    /** Drops every team's uploads older than a day: abandoned checks must not keep people's data. */
    private void sweep() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant cutoff = Instant.now().minus(KEPT_FOR);
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(Files::isRegularFile).filter(f -> modifiedBefore(f, cutoff)).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warnf(e, "Could not delete the old pending import %s", f);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not sweep old pending imports", e);
        }
    }

    /**
     * An erased person may be in a file waiting to be imported: every pending upload of the team
     * goes (the files are not searched, which would mean reading people's data to find them).
     */
    void forgetTeamUploads(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactErased erased) {
        Path team = root.resolve(erased.teamId().toString());
        if (!Files.isDirectory(team)) {
            return;
        }
        try (Stream<Path> files = Files.walk(team)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warnf(e, "Could not delete the pending import %s after an erasure", f);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the team's pending imports after an erasure", e);
        }
    }

    /** Sweeps once at start too, so files left before a restart do not wait for the next upload. */
    void onStart(@Observes StartupEvent event) {
        sweep();
    }

    private static void restrict(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }
}
