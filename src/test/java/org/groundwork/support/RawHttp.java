package org.groundwork.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * What hostile-input tests need below RestAssured: bytes sent by hand (RestAssured refuses to send
 * a broken request line or escape), and the ERROR lines the app logged while they were answered.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** What the server on {@code port} answers to bytes sent by hand, until it closes (or 10 s pass). */
    public static String raw(int port, String request) {
        return raw(port, request.getBytes(StandardCharsets.UTF_8));
    }

    /** A request of bytes as they are (a body that is not UTF-8). */
    public static String raw(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | SocketException e) {
                // what came before is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log records at ERROR (SEVERE) or above written while {@code action} runs. */
    public static List<LogRecord> severeDuring(Runnable action) {
        LogLines errors = LogLines.listen(Level.SEVERE);
        try {
            action.run();
        } finally {
            errors.close();
        }
        return List.copyOf(errors.records());
    }
}
