package org.groundwork.importexport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the import answers. */
final class ImportJson {

    private ImportJson() {
    }

    /** A line of the file (the header is line 1; a quoted field may span lines: its first line counts). */
    record RowMessage(long row, String message) {
    }

    /**
     * {@code errors} lists lines that were not imported ({@code errorRows} counts them all; the
     * list stops at {@link ContactImportService#MAX_LISTED}); {@code warnings} lines that were
     * imported with something left out ({@code warningCount} counts them all, a line once per
     * warning; the list stops there too). {@code mapping} is column → field as detected or given.
     * {@code newPlaces} the organizations and units the file names that the team did not have, which the
     * import makes ({@code newPlaceCount} counts them all; the list stops at the same number).
     */
    record ImportReport(boolean dryRun, int created, int updated, int skipped, int errorRows, int warningCount,
                        List<RowMessage> errors, List<RowMessage> warnings, List<String> unmappedColumns,
                        Map<String, String> mapping, int newPlaceCount, List<NewPlace> newPlaces) {
        ImportReport {
            // a background import's answer stored before the places were told reads back with none
            newPlaces = newPlaces == null ? List.of() : newPlaces;
        }

        /** Contacts created or updated: what the import page's button offers to write. */
        public int written() {
            return created + updated;
        }
    }

    /**
     * An organization or unit an import makes (a dry run: would make), in the order the file first names it: a
     * slip ("Night shif") makes a second place beside the one meant, which the check shows before it is written.
     * {@code unit} is null for an organization; a unit inside another is "parent › unit", as the export writes it.
     */
    record NewPlace(String organization, String unit) {
    }

    /**
     * The import page's preview: each column of the file with the field it feeds as detected
     * and as chosen (null: not imported) and its values on the first {@code rows} rows.
     */
    record ImportPreview(List<PreviewColumn> columns, int rows) {
    }

    record PreviewColumn(String header, String detected, String chosen, List<String> samples) {
    }

    /**
     * A background import ({@code GET /api/v1/imports/{id}}): {@code state} is queued, running,
     * done, failed or interrupted; the counts are so far while it runs (nothing is saved before
     * it is done); {@code rowsExpected} is the file's lines after the header (an upper bound);
     * {@code result} is the import's answer once done, {@code failure} what stopped it.
     */
    record ImportJobView(java.util.UUID id, String state, String onMatch, int rowsExpected, int rowsRead,
                         int created, int updated, int skipped, int errorRows, int percent, Instant createdAt,
                         Instant startedAt, Instant finishedAt, String failure, ImportReport result) {
    }

    /** The choices of one import, as the client sent them. */
    record ImportOptions(boolean dryRun, OnMatch onMatch, List<String> map) {
    }

    enum OnMatch {
        SKIP, UPDATE
    }
}
