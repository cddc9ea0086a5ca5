package org.groundwork.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and calls {@code overCap} once more than {@code max} have
 * come: an upload or an unpacked archive is refused as it arrives, never after filling memory or
 * disk. The CSV import and the team restore both read through it, each with its own refusal.
 */
public class CappedInput extends FilterInputStream {

    /** What to throw when the cap is passed. */
    public interface OverCap {
        void exceeded(long max) throws IOException;
    }

    private final long max;
    private final OverCap overCap;
    private long total;

    public CappedInput(InputStream in, long max, OverCap overCap) {
        super(in);
        this.max = max;
        this.overCap = overCap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws IOException {
        total += n;
        if (total > max) {
            overCap.exceeded(max);
        }
    }
}
