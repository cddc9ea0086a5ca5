package org.groundwork.importexport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Rows for PostgreSQL's COPY … (format csv): every value quoted, null an unquoted empty field,
 * arrays as array literals. Kept to one batch, so it stays small.
 */
final class CopyRows {

    private final StringBuilder data = new StringBuilder(256 * 1024);
    private boolean first = true;

    CopyRows add(String value) {
        separator();
        if (value != null) {
            quoted(value);
        }
        return this;
    }

    CopyRows add(UUID value) {
        return add(value == null ? null : value.toString());
    }

    CopyRows add(Instant value) {
        return add(value == null ? null : value.toString());
    }

    CopyRows add(Boolean value) {
        return add(value == null ? null : value.toString());
    }

    /** {"tenant","building \"a\""}: each element quoted, with backslash escapes inside. */
    CopyRows add(String[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            literal.append(i == 0 ? "\"" : ",\"")
                    .append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return add(literal.append('}').toString());
    }

    CopyRows end() {
        data.append('\n');
        first = true;
        return this;
    }

    /** The rows as the bytes COPY reads (the driver's client encoding is always UTF-8). */
    byte[] bytes() {
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void separator() {
        if (!first) {
            data.append(',');
        }
        first = false;
    }

    private void quoted(String value) {
        data.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                data.append('"');
            }
            data.append(c);
        }
        data.append('"');
    }
}
