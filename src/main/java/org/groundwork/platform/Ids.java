package org.groundwork.platform;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7), so new rows land at the end of their indexes. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    private static long lastMillis;
    private static long sequence;

    /**
     * The 12 bits after the timestamp count up within a millisecond (RFC 9562, method 1), so
     * ids made one after another in this process sort in the order they were made.
     */
    public static synchronized UUID next() {
        long millis = System.currentTimeMillis();
        if (millis > lastMillis) {
            lastMillis = millis;
            sequence = RANDOM.nextInt(1 << 10);
        } else if (++sequence >= (1 << 12)) {
            lastMillis++;
            sequence = 0;
        }
        millis = lastMillis;
        long msb = (millis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * Whether {@code a} comes before {@code b} as PostgreSQL orders uuids, by their bytes, which is the order of their
     * lowercase text (Java's compareTo is signed): a two-way tie is stored once, the first id first (V8_1's check).
     */
    public static boolean precedes(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) < 0;
    }

    /**
     * An id as it is written, 8-4-4-4-12 hexadecimal digits, or IllegalArgumentException. Java's
     * UUID.fromString also takes shorter groups ("1a24511-…" for "01a24511-…"), so one contact
     * answered to many addresses while a body's id (Jackson's reading) had to be exact.
     */
    public static UUID read(String value) {
        if (value == null || value.length() != 36) {
            throw new IllegalArgumentException("not an id");
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
                throw new IllegalArgumentException("not an id");
            }
        }
        return UUID.fromString(value);
    }

    /**
     * An id given as a list filter or query parameter: blank means "not given"; anything that is
     * not an id is a 400 naming the parameter (a filter is input, not an address).
     */
    public static UUID filter(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return read(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(parameter, "'" + value.trim() + "' is not an id");
        }
    }

    /**
     * {@link #parse} for what is each organizer's own (a token, a login session): anything that is not an id is
     * the 404 an unknown one gets, "No token of yours with that id", not "… in your team" (a walk).
     */
    public static UUID parseYours(String value, String what) {
        try {
            return read(value);
        } catch (IllegalArgumentException e) {
            throw Problems.notYours(what);
        }
    }

    /**
     * A list of ids' {@code @Size} wording: the default "size must be between 0 and 200" spoke of a range where an
     * empty list can be refused too, and as characters on a page (a walk).
     */
    public static final String AT_MOST_IDS = "must name at most {max} ids";

    /** Parses an id from a client, answering 404 for anything that is not one. */
    public static UUID parse(String value, String what) {
        try {
            return read(value);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound(what);
        }
    }
}
