package org.groundwork.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a benchmark prints: each line to the console and to a file under target/ at the end,
 * starting with the machine it ran on and its load average (figures mean little without them).
 */
public final class BenchmarkLog {

    private final StringBuilder lines = new StringBuilder();

    public void print(String line) {
        System.out.println(line);
        lines.append(line).append('\n');
    }

    /** The cores, the CPU model and the load average, on one line. */
    public static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("");
            cpu += ", load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            // not Linux: the core count is enough
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu;
    }

    /** Everything printed so far, into {@code target/<name>}. */
    public void writeTo(String name) throws IOException {
        Files.writeString(Path.of("target", name), lines);
    }
}
