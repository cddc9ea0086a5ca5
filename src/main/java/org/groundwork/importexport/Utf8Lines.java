package org.groundwork.importexport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;

/**
 * The file's bytes checked as UTF-8 as they pass, with the line each is on, so a byte that is not
 * UTF-8 is refused naming its own line. The decoder behind this reads ahead by the buffer (8 KB and
 * more), so its own refusal named the line the parser had reached: "near line 1" for a Latin-1 "é"
 * on line 2, and any line at all in a large file. The rules are UTF-8's (RFC 3629, as Java's decoder
 * applies them): no overlong forms, no surrogates, nothing past U+10FFFF, no sequence cut short.
 */
final class Utf8Lines extends FilterInputStream {

    /** A byte that is not UTF-8, on this line of the file (the first is 1). */
    static final class NotUtf8 extends CharacterCodingException {
        final long line;
        /** The bytes read with it hold a NUL, and the file is not UTF-16: an image, a PDF, not text at all. */
        final boolean binary;

        NotUtf8(long line) {
            this(line, false);
        }

        NotUtf8(long line, boolean binary) {
            this.line = line;
            this.binary = binary;
        }

        @Override
        public String getMessage() {
            return "not UTF-8 on line " + line;
        }
    }

    private long line = 1;
    /** The file's first two bytes (-1: not read yet): a UTF-16 file's byte-order mark holds NULs' company. */
    private int first = -1;
    private int second = -1;
    /** Continuation bytes still due in the current sequence. */
    private int due;
    /** The range the next continuation byte must fall in (the second byte of E0, ED, F0, F4 is narrower). */
    private int low = 0x80;
    private int high = 0xBF;

    Utf8Lines(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0) {
            end();
        }
        if (first < 0 && n > 1) {
            first = buffer[off] & 0xFF;
            second = buffer[off + 1] & 0xFF;
        }
        try {
            for (int i = 0; i < n; i++) {
                check(buffer[off + i] & 0xFF);
            }
        } catch (NotUtf8 e) {
            // a PNG uploaded as the file was said as "not UTF-8 text; save it as CSV UTF-8" (a walk): its first
            // bytes are not UTF-8 before any NUL is read as a value (ContactImportService's binary check)
            throw new NotUtf8(e.line, holdsNul(buffer, off, n) && !utf16());
        }
        return n;
    }

    private static boolean holdsNul(byte[] buffer, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[off + i] == 0) {
                return true;
            }
        }
        return false;
    }

    private boolean utf16() {
        return first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF;
    }

    private void check(int b) throws NotUtf8 {
        if (due > 0) {
            if (b < low || b > high) {
                throw new NotUtf8(line);
            }
            due--;
            low = 0x80;
            high = 0xBF;
            return;
        }
        if (b == '\n') {
            line++;
        } else if (b >= 0x80) {
            lead(b);
        }
    }

    private void lead(int b) throws NotUtf8 {
        if (b >= 0xC2 && b <= 0xDF) {
            due = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            due = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            due = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw new NotUtf8(line);
        }
    }

    private void end() throws NotUtf8 {
        if (due > 0) {
            throw new NotUtf8(line);
        }
    }
}
