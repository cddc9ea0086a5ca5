package org.groundwork.importexport;

import org.groundwork.platform.CappedInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.groundwork.platform.ProblemException;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A CSV file as organizers' tools write it: UTF-8 with or without a byte-order mark, comma,
 * semicolon or tab delimited (guessed from the header line), quoted fields that may hold the
 * delimiter and line breaks, CRLF or LF. Reading stops with {@link TooLarge} past the limit
 * and with a coding error on bytes that are not UTF-8, so binary files are refused.
 */
final class CsvInput {

    private static final int PEEK = 64 * 1024;

    private CsvInput() {
    }

    static CSVParser open(InputStream body, long maxBytes) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(new Utf8Lines(new CappedInput(body, maxBytes, max -> {
                    throw new TooLarge(max);
                })), decoder), PEEK);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        char delimiter = delimiter(reader);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                // blank lines are read as (empty) records, so every record's starting line stays countable
                .setIgnoreEmptyLines(false)
                .get();
        return CSVParser.builder().setReader(reader).setFormat(format).get();
    }

    /** The delimiter the header line uses most, outside quotes; a comma when it uses none. */
    static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(PEEK);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < PEEK - 1; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {
                    }
                }
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** Past the configured size: the import stops, and its transaction with it. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("The file is larger than the limit of " + max + " bytes");
        }
    }

    static ProblemException tooLarge(long max) {
        return new ProblemException(413, "Content too large",
                "The file is larger than the import limit of " + megabytes(max)
                        + "; split it into smaller files. Nothing was imported.");
    }

    /** Same status and way out as {@link #tooLarge}: a file of many short rows is too large a file too. */
    static ProblemException tooManyRows(int max) {
        return new ProblemException(413, "Content too large",
                "The file has more than " + max + " rows, the import limit; split it into smaller files."
                        + " Nothing was imported.");
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
    }
}
