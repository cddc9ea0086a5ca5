package org.groundwork.report;

import org.groundwork.web.Labels;
import org.groundwork.web.Msg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts drawn on the server: horizontal bars (stacked by level where the figures have levels),
 * laid out here in SVG units so the template only places the shapes. Every chart comes with a
 * table of the same figures, and colours always come with words (legend, labels, the table).
 */
public final class Charts {

    /** SVG units: the drawing scales to the width it is given. */
    static final int WIDTH = 400;
    static final int BAR_AREA = 300;
    static final int BAR_HEIGHT = 22;

    private Charts() {
    }

    /** One chart and the table beside it. note: a second line under each bar's label (or null). */
    public record Panel(String id, String title, String description, Chart chart, Table table) {
        /** A table of many columns goes under its chart rather than beside it, on any screen. */
        public boolean wide() {
            return table.headers().size() > 3;
        }
    }

    /** height: of the whole drawing; empty: no minutes at all (the chart is then left out). */
    public record Chart(int height, List<Bar> bars, List<Key> legend, boolean empty) {
        public String viewBox() {
            return "0 0 " + WIDTH + " " + height;
        }
    }

    public record Bar(String label, String note, int labelY, int noteY, int barY, List<Segment> segments,
                      String total, int totalX, int totalY) {
    }

    public record Segment(String css, String label, String x, String width, String minutes) {
    }

    /** A legend entry: the colour's class and its word. */
    public record Key(String css, String label) {
    }

    public record Table(String caption, List<String> headers, List<Row> rows) {
    }

    /** head: the row's header cell; cells: the rest. */
    public record Row(String head, List<String> cells) {
    }

    /**
     * One bar's figures: parts in order (the keys of the legend), each with its minutes, and the bar's total as the
     * report gives it (a work's or a week's total is rounded once, not summed from its rounded parts).
     */
    record Figures(String label, String note, Map<String, Double> parts, double total) {
        Figures(String label, String note, Map<String, Double> parts) {
            this(label, note, parts, Charts.total(parts));
        }
    }

    /**
     * Bars of the given parts (level or other words), stacked in the order of {@code keys}; with a
     * single key the legend is left out (the chart's title says what the bars are).
     */
    static Chart bars(List<Figures> figures, List<String> keys) {
        double max = 0;
        for (Figures f : figures) {
            max = Math.max(max, f.total());
        }
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Figures f : figures) {
            int labelY = y + 18;
            int noteY = f.note() == null ? labelY : labelY + 20;
            int barY = noteY + 8;
            List<Segment> segments = new ArrayList<>();
            double x = 0;
            for (String key : keys) {
                double m = f.parts().getOrDefault(key, 0.0);
                if (m <= 0 || max <= 0) {
                    continue;
                }
                double w = m / max * BAR_AREA;
                segments.add(new Segment(css(key), word(key), num(x), num(w), minutes(m)));
                x += w;
            }
            bars.add(new Bar(f.label(), f.note(), labelY, noteY, barY, segments, minutes(f.total()) + " min",
                    (int) Math.round(x) + 6, barY + BAR_HEIGHT - 5));
            y = barY + BAR_HEIGHT + 12;
        }
        List<Key> legend = new ArrayList<>();
        if (keys.size() > 1) {
            for (String key : keys) {
                legend.add(new Key(css(key), word(key)));
            }
        }
        return new Chart(Math.max(y, 20), bars, legend, max <= 0);
    }

    static double total(Map<String, Double> parts) {
        return parts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** A report's key ("less-involved", "staff", "bring-in-new", "one-to-one") as the page's language says it. */
    static String word(String word) {
        if (word == null || word.isEmpty()) {
            return "";
        }
        for (String group : GROUPS) {
            if (HAS_WORD.computeIfAbsent(Labels.key(group, word), Charts::declared)) {
                return Labels.word(group, word);
            }
        }
        return Labels.word("chart", word);
    }

    /** The enums whose words a report's keys are, in the order they are tried. */
    private static final List<String> GROUPS = List.of("level", "position", "focus", "mode");
    private static final Map<String, Boolean> HAS_WORD = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean declared(String key) {
        try {
            Msg.class.getMethod(key);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Minutes as people read them: whole minutes. Shared group time gives a person fractions
     * ("118.2"), which say nothing to an organizer; the API keeps the exact figures. Written as the
     * page's language writes numbers (12,345 or 12.345).
     */
    static String minutes(double m) {
        return Labels.number(m);
    }

    /** A figure such as hours: whole where whole, else one decimal. */
    static String oneDecimal(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format(org.groundwork.web.PageLanguage.current(), "%.1f", r);
    }

    private static String css(String key) {
        return "seg-" + key;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
