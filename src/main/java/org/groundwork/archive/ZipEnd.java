package org.groundwork.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The archive as it arrives, with its last bytes kept, to check the zip's closing index once its
 * entries are read. A restore reads the zip as a stream (ZipInputStream: the API's body as it
 * arrives, the page's upload from its spooled file), entry by entry, and such a reader never needs
 * the central directory at the end: it takes a download cut short right after the last entry, or
 * inside the index, for a whole archive. A complete zip ends with its end-of-central-directory
 * record (APPNOTE 4.3.16), which says where the index starts, how long it is and how many entries
 * it lists; those must be what arrived. Cheap: the index is a few hundred bytes after the entries,
 * and only the last 64 KiB (the longest comment a zip may end with, and the record) are kept.
 */
final class ZipEnd extends FilterInputStream {

    private static final int RECORD = 22;
    private static final int SIGNATURE = 0x06054b50;
    private static final int KEPT = RECORD + 0xffff + 20;
    /** Zip64's end-of-central-directory locator, right before the end record when there is one. */
    private static final int LOCATOR = 20;
    private static final int LOCATOR_SIGNATURE = 0x07064b50;

    /** The last bytes read, as a ring: byte i of the stream is at i % KEPT. */
    private final byte[] tail = new byte[KEPT];
    private long read;

    ZipEnd(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            tail[(int) (read++ % KEPT)] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        for (int done = 0; done < n; ) {
            int at = (int) (read % KEPT);
            int chunk = Math.min(n - done, KEPT - at);
            System.arraycopy(b, off + done, tail, at, chunk);
            read += chunk;
            done += chunk;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read, not skipped: a skipped byte would be missing from the tail
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        int got = read(buffer, 0, buffer.length);
        return Math.max(got, 0);
    }

    /**
     * Whether the archive, read to its end now, closes with the index of exactly {@code entries}
     * entries, right after them. Called once the zip reader found no more entries; the rest of the
     * stream is the index and its end record.
     */
    boolean closesWithIndexOf(int entries) throws IOException {
        byte[] rest = new byte[8192];
        while (read(rest, 0, rest.length) >= 0) {
            // the index and the record: read to keep the last bytes
        }
        long kept = Math.min(read, KEPT);
        // the record is the last 22 bytes but for its comment, whose length it gives
        for (long start = read - RECORD; start >= read - kept; start--) {
            if (le(start, 4) != SIGNATURE || start + RECORD + le(start + 20, 2) != read) {
                continue;
            }
            long listed = le(start + 10, 2);
            long size = le(start + 12, 4);
            long offset = le(start + 16, 4);
            if (listed == 0xffff || size == 0xffffffffL || offset == 0xffffffffL) {
                return true; // Zip64: its own record before this one says the rest; no archive here is that large
            }
            // a Zip64 end record and its locator may sit between the index and this record even when the
            // fields above hold the real numbers: the index then ends where the locator says that record starts
            long indexEnd = start;
            if (start - LOCATOR >= read - kept && le(start - LOCATOR, 4) == LOCATOR_SIGNATURE) {
                indexEnd = le(start - LOCATOR + 8, 8);
            }
            return listed == entries && offset + size == indexEnd;
        }
        return false;
    }

    /** The little-endian number of {@code bytes} bytes at stream position {@code at} (within the tail). */
    private long le(long at, int bytes) {
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = (value << 8) | (tail[(int) ((at + i) % KEPT)] & 0xff);
        }
        return value;
    }
}
