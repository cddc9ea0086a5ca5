package org.groundwork.importexport;

import org.groundwork.platform.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many rows a file has, counted as its lines after the header without parsing it: enough to
 * decide whether it is imported at once or in the background ({@link ImportJobs}). A quoted cell
 * spanning lines or a blank line makes this an upper bound.
 */
final class FileRows {

    private FileRows() {
    }

    /** An API upload copied to a temporary file (deleted by {@link #delete}) while its rows were counted. */
    record Spooled(Path path, long size, int rows) implements AutoCloseable {
        InputStream open() {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // the temporary folder's own cleanup takes it
            }
        }
    }

    /** The lines after the header of the whole stream. */
    static int afterHeader(InputStream in) throws IOException {
        Counter counter = new Counter();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            counter.add(buffer, n);
        }
        return counter.rows();
    }

    /**
     * Copies the body to a temporary file, counting its lines; a body over {@code maxBytes} is
     * refused as the importer refuses it (413), without being kept.
     */
    static Spooled spool(InputStream body, long maxBytes) {
        Path file = null;
        try {
            file = Files.createTempFile("groundwork-import-", ".csv");
            Counter counter = new Counter();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw CsvInput.tooLarge(maxBytes);
                    }
                    counter.add(buffer, n);
                    out.write(buffer, 0, n);
                }
            }
            return new Spooled(file, size, counter.rows());
        } catch (IOException e) {
            if (file != null) {
                new Spooled(file, 0, 0).close();
            }
            throw Problems.badRequest("The upload could not be read to its end. Nothing was imported.");
        } catch (RuntimeException e) {
            if (file != null) {
                new Spooled(file, 0, 0).close();
            }
            throw e;
        }
    }

    private static final class Counter {
        long newlines;
        long returns;
        byte last = '\n';
        boolean any;

        void add(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    newlines++;
                } else if (b == '\r') {
                    returns++;
                }
            }
            if (length > 0) {
                any = true;
                last = bytes[length - 1];
            }
        }

        int rows() {
            if (!any) {
                return 0;
            }
            // old Mac files end lines with a bare CR
            long ends = newlines > 0 ? newlines : returns;
            long lines = ends + (last == '\n' || last == '\r' ? 0 : 1);
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, lines - 1));
        }
    }
}
