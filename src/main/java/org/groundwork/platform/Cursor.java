package org.groundwork.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset cursors: an opaque token holding the sort key and id of the last row of a page,
 * so the next page is an index range scan, not an OFFSET.
 */
public final class Cursor {

    private Cursor() {
    }

    public static String of(UUID id) {
        return encode(id.toString());
    }

    public static String of(Instant at, UUID id) {
        return encode(at.toString() + "|" + id);
    }

    /** The id after which the next page starts, or null for the first page. */
    public static UUID id(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(decode(cursor));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A (time, id) position for lists ordered by time, or null for the first page. */
    public static Position position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = decode(cursor).split("\\|", 2);
            return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public record Position(Instant at, UUID id) {

        /**
         * The rows after this position in a list ordered by {@code at desc, id desc}, as HQL or SQL
         * with the parameters {@code :afterAt} and {@code :afterId}: a row comparison, which
         * PostgreSQL reads as the bound of an index range on (…, at, id). The same rows written as
         * {@code at < :afterAt or (at = :afterAt and id < :afterId)} are only a filter: a deep page
         * of a team's million conversations read every newer row first (0.6 s, against 0.5 ms).
         */
        public String olderThan(String atColumn, String idColumn) {
            return "(" + atColumn + ", " + idColumn + ") < (:afterAt, :afterId)";
        }
    }

    /** For lists ordered by a text key (a name, lower-cased) and then id. */
    public static String of(String key, UUID id) {
        return encode(key + "|" + id);
    }

    /** A (text key, id) position, or null for the first page; the key may hold "|", the id never does. */
    public static Keyed keyed(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = decode(cursor);
            int bar = raw.lastIndexOf('|');
            return new Keyed(raw.substring(0, bar), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public record Keyed(String key, UUID id) {
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return Problems.invalid("cursor", "is not a cursor this API gave out; start again without it");
    }
}
