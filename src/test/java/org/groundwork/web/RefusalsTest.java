package org.groundwork.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, languages: every refusal a page can show has a message in both languages. The services
 * word their refusals in English for the API; {@link Refusals} is the one table from those wordings to
 * the pages' messages. This test reads the services' source for every wording they throw (problems,
 * field errors, an import's line errors and warnings, an archive's line errors, Bean Validation
 * messages of our own) and fails for one the table does not know, and checks that every message the
 * table names has an English and a Spanish text that differ.
 */
class RefusalsTest {

    /**
     * Wordings no page shows, as the source gives them (a parameter reads "x"): request headers, JSON
     * bodies and API tokens, which only API clients send; and 404s, which are never a form message
     * (a Spanish error page says what the status means).
     */
    static final Set<String> API_ONLY = Set.of(
            "This x was used for a different request; use a new key for a new request",
            "a new team's first organizer is its admin: leave role out, or send admin",
            "The body is not valid JSON",
            "The body is not valid JSON (line x, column x)",
            "The body must be a JSON object",
            "The body must be a JSON list",
            "A text in the body x",
            "A number in the body x",
            "The body nests lists or objects more than 1,000 deep",
            "A field name in the body is too long to read (over 50,000 characters)",
            "The body is larger than the server reads",
            "is given twice",
            // an If-Match on a DELETE of what has no version: no page sends If-Match
            "This has no version (no ETag), so If-Match names none of it; send no If-Match, or *",
            // an empty If-Match: a page's empty version is drawn as any stale form, in the page's own words
            "If-Match is empty, so it names no version; send the ETag you read, or no If-Match",
            "changes only through POST /api/v1/contacts/{id}/level, which keeps the level history",
            "must be an object",
            "give either a contactId or a newContact (someone checked in at the door), exactly one",
            "This account logs in with two-factor login: log in on the login page, then create a token on the "
                    + "Settings page (or send no email and password with a session)",
            "Send your email and password, or log in first",
            // an API query's broken escape (pages' queries are read by their own binder)
            "The address's query is not readable: a % must begin an escape such as %20",
            // a query parameter the page's own form never sends empty (it sends none for no unit)
            "is empty: give a unit's id, or leave moveTo out for no unit",
            CsrfCheck.API_WITHOUT_TOKEN,
            "must be printable ASCII: letters, digits, spaces and marks (a fresh UUID is best)",
            "What a request with this Idempotency-Key made was erased since, with the person it named; nothing was"
                    + " done again. Use a new key for a new request");

    /** A call whose argument (by index) is a wording: Problems' refusals, field errors, the import's and the archive's. */
    private static final Pattern CALL = Pattern.compile(
            "(Problems\\.(?:invalid|badRequest|conflict|forbidden|unauthorized|unprocessable|unknownReference)"
                    + "|TeamScoped\\.filtering|TeamScoped\\.filter|new FieldError|new ProblemException|problems\\.add"
                    + "|(?<![.\\w])error|(?<![.\\w])warn|(?<![.\\w])fail|(?<![.\\w])bad)\\(");
    private static final Pattern MESSAGE_ATTRIBUTE = Pattern.compile("message\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = (\"(?:[^\"\\\\]|\\\\.)*\");");

    @Test
    void everyWordingTheServicesThrowHasAMessage() throws IOException {
        Map<Path, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(f, Files.readString(f));
            }
        }
        Map<String, String> constants = new HashMap<>();
        for (String source : sources.values()) {
            Matcher m = CONSTANT.matcher(source);
            while (m.find()) {
                constants.put(m.group(1), literal(m.group(2)));
            }
        }
        List<String> unknown = new ArrayList<>();
        int wordings = 0;
        for (Map.Entry<Path, String> file : sources.entrySet()) {
            String name = file.getKey().getFileName().toString();
            if (name.equals("Problems.java") || name.equals("Refusals.java")) {
                continue; // the builders themselves; their own wordings (too many attempts, stale) are in the table
            }
            String source = file.getValue();
            List<String> samples = new ArrayList<>();
            Matcher m = CALL.matcher(source);
            while (m.find()) {
                String call = m.group(1);
                boolean importOrArchive = file.getKey().toString().contains("importexport")
                        || file.getKey().toString().contains("archive");
                if ((call.equals("error") || call.equals("warn") || call.equals("fail") || call.equals("bad")
                        || call.equals("problems.add")) && !importOrArchive) {
                    continue;
                }
                List<String> args = arguments(source, m.end());
                String sample = switch (call) {
                    // a "what" passed on from the caller is sampled at the caller: TeamScoped.filter's
                    case "Problems.unknownReference" -> args.size() == 2 && sample(args.get(1), constants) != null
                            ? "no " + sample(args.get(1), constants) + " with that id in your team" : null;
                    case "TeamScoped.filter", "TeamScoped.filtering" -> args.size() == 4 && sample(args.get(3), constants) != null
                            ? "no " + sample(args.get(3), constants) + " with that id in your team" : null;
                    case "Problems.invalid", "new FieldError", "error", "warn", "bad" ->
                            args.size() == 2 ? sample(args.get(1), constants) : null;
                    // conflict(detail), or conflict(field, detail) for a refusal said beside its field
                    case "Problems.conflict" -> args.isEmpty() ? null : sample(args.get(args.size() - 1), constants);
                    case "new ProblemException" -> args.size() >= 3 ? sample(args.get(2), constants) : null;
                    case "fail" -> args.size() == 4 ? sample(args.get(3), constants) : null;
                    default -> args.size() == 1 ? sample(args.get(0), constants) : null;
                };
                if (sample != null) {
                    samples.add(sample);
                }
            }
            Matcher a = MESSAGE_ATTRIBUTE.matcher(source);
            while (a.find()) {
                if (source.substring(Math.max(0, a.start() - 200), a.start()).contains("@Pattern")) {
                    samples.add(literal(a.group(1)));
                }
            }
            for (String sample : samples) {
                wordings++;
                if (!API_ONLY.contains(sample) && !Refusals.knows(sample)) {
                    unknown.add(file.getKey().getFileName() + ": " + sample);
                }
            }
        }
        assertTrue(wordings > 120, "the scan found the services' wordings (" + wordings + ")");
        assertTrue(unknown.isEmpty(), "wordings a page may show with no line in web/Refusals:\n" + String.join("\n", unknown));
    }

    @Test
    void everyMessageOfTheTableIsInBothLanguagesAndTranslated() throws IOException {
        Properties en = MessageBundleTest.load("refusals", "en");
        Properties es = MessageBundleTest.load("refusals", "es");
        Set<String> named = new TreeSet<>(Refusals.keys());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), named, "refusals_en holds exactly the table's messages");
        assertEquals(new TreeSet<>(es.stringPropertyNames()), named, "refusals_es holds exactly the table's messages");
        List<String> same = new ArrayList<>();
        for (String key : named) {
            if (en.getProperty(key).strip().equals(es.getProperty(key).strip())) {
                same.add(key);
            }
        }
        assertTrue(same.isEmpty(), "not translated: " + same);
        for (String english : Refusals.english()) {
            assertTrue(Refusals.knows(english.replaceAll("\\{\\w+\\}", "x")), "the table knows its own wording: " + english);
        }
    }

    @Test
    void severalProblemsOfOneImportLineAreEachKnown() {
        assertTrue(Refusals.knows("'zoe@' is not an email address; level 'boss' is not one of new, less-involved, cadre"));
        assertTrue(!Refusals.knows("'zoe@' is not an email address; something no service says"));
        // read as the two refusals it joins, not as one whose value swallows the rest ("'{value}' is not
        // one of {choices}" with "zoe@' is not an email address; level 'boss" as its value)
        assertEquals(List.of("'{value}' is not an email address", "level '{value}' is not one of {fileWords}"),
                Refusals.wordings("'zoe@' is not an email address; level 'boss' is not one of new, less-involved, cadre"));
    }

    /**
     * The review's "a contact named 'Rosa; Ana' gets the English refusal on a Spanish page": "; " joins
     * an import line's refusals, and a parameter was read never to hold one, so a refusal naming such a
     * name matched no wording. Now read so when no other reading exists, the fewest times it can be.
     */
    @Test
    void aRefusalWhoseValueHoldsTheJoinIsStillKnown() {
        assertEquals(List.of("{name} is not in this organization any more; open the chart again"),
                Refusals.wordings("Rosa; Ana is not in this organization any more; open the chart again"));
        assertEquals(List.of("Your team already has an organization named '{name}'"),
                Refusals.wordings("Your team already has an organization named 'Norte; Sur; '"));
        // a line's refusals joined, one of them naming a value with "; ": still each on its own
        assertEquals(List.of("'{value}' is not an email address", "level '{value}' is not one of {fileWords}"),
                Refusals.wordings("'ana@x.org; bo@y.org' is not an email address; level 'boss' is not one of new, less-involved, cadre"));
        assertEquals(List.of("the name is longer than {max} characters", "'{value}' is not an email address",
                "more than {max} tags"), Refusals.wordings(
                "the name is longer than 200 characters; 'a; b; c' is not an email address; more than 20 tags"));
        // what no service says stays unknown, "; " or not
        assertEquals(List.of(), Refusals.wordings("Rosa; Ana is somewhere else"));
        assertEquals(List.of(), Refusals.wordings("'a; b' is not an email address; something no service says"));
        assertEquals(List.of(), Refusals.wordings("level 'boss' is not one of new, less-involved, cadre; something no service says"));
        // a line of five refusals is read within the reading's budget
        assertEquals(5, Refusals.wordings("'zoe@' is not an email address; level 'boss' is not one of new, less-involved, cadre; "
                + "position 'chief' is not one of base, leader, officer; the name is longer than 200 characters; more than 20 tags").size());
        // a value typed to repeat a wording's words past the reading's budget (an id filter of 5,000 characters
        // made this wording try every split of it, for seconds): shown as is
        assertEquals(List.of(), Refusals.wordings("'x' is not an id; The database refused a row between lines"
                + " and".repeat(1200) + "' is not an id"));
        // a long message is not read with "; " inside a value (that reading tries too many ways): shown as is
        assertEquals(List.of(), Refusals.wordings("level '" + "x; ".repeat(700) + "' is not one of new, less-involved, cadre"));
        assertEquals(List.of("level '{value}' is not one of {fileWords}"),
                Refusals.wordings("level '" + "x; ".repeat(600) + "' is not one of new, less-involved, cadre"));
    }

    /** The arguments of the call whose '(' ends at {@code from}, split at top-level commas. */
    private static List<String> arguments(String source, int from) {
        List<String> args = new ArrayList<>();
        int depth = 1;
        boolean inString = false;
        boolean inChar = false;
        StringBuilder arg = new StringBuilder();
        for (int i = from; i < source.length() && depth > 0; i++) {
            char c = source.charAt(i);
            if (inString || inChar) {
                arg.append(c);
                if (c == '\\') {
                    arg.append(source.charAt(++i));
                } else if (c == '"' && inString) {
                    inString = false;
                } else if (c == '\'' && inChar) {
                    inChar = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    break;
                }
            } else if (c == ',' && depth == 1) {
                args.add(arg.toString().strip());
                arg.setLength(0);
                continue;
            }
            arg.append(c);
        }
        if (!arg.toString().isBlank()) {
            args.add(arg.toString().strip());
        }
        return args;
    }

    /**
     * The wording an argument builds: its string literals, its constants' values, "x" for anything
     * else; null when it has no words of its own (a message passed on).
     */
    private static String sample(String expression, Map<String, String> constants) {
        StringBuilder sample = new StringBuilder();
        boolean words = false;
        for (String part : topLevel(expression)) {
            String p = part.strip();
            String constant = constants.get(p.substring(p.lastIndexOf('.') + 1));
            if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
                String text = literal(p);
                words |= text.matches("(?s).*\\p{L}.*");
                sample.append(text);
            } else if (p.matches("[\\w.]+") && constant != null) {
                words = true;
                sample.append(constant);
            } else {
                sample.append('x');
            }
        }
        return words ? sample.toString() : null;
    }

    /** An expression's operands of its top-level '+'. */
    private static List<String> topLevel(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (inString) {
                part.append(c);
                if (c == '\\') {
                    part.append(expression.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '+' && depth == 0) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

    /** A Java string literal's text. */
    private static String literal(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                text.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next; // \" \\ (and \\u0000 stays the six characters the services write)
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
