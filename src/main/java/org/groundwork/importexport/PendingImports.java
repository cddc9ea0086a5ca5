package org.groundwork.importexport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.ProblemException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the uploaded file in " + root, e);
        }
    }

    /** The kept file; a 404 problem when the key is not one of this organizer's uploads (any more). */
    Path file(String key) {
        Path file = pathOf(key);
        if (!Files.isRegularFile(file)) {
            throw gone();
        }
        return file;
    }

    InputStream open(String key) {
        try {
            return Files.newInputStream(file(key));
        } catch (IOException e) {
            throw gone();
        }
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

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }
}
