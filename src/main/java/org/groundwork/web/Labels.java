package org.groundwork.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.qute.TemplateExtension;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Word;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How values read on a page, in the page's language (PageLanguage): words as organizers say
 * them, dates in the team's time zone, numbers grouped the way the language groups them. The
 * one formatter every page uses.
 */
@TemplateExtension
public final class Labels {

    private static final String DAY = "EEE d MMM yyyy";
    private static final String DAY_TIME = "EEE d MMM yyyy, HH:mm";
    private static final Map<String, Method> WORDS = new ConcurrentHashMap<>();

    private Labels() {
    }

    /**
     * A person's name typed into a form, as it will be stored (ContactFields.storedName): a question about it
     * ("Is josé garcía someone you already know?") quotes it as it will read, not with the spaces pasted
     * (the walk). {@code {person:name(form.get('fullName'))}}.
     */
    @TemplateExtension(namespace = "person")
    public static String name(String typed) {
        return typed == null ? "" : org.groundwork.contact.ContactFields.storedName(typed);
    }

    /** "less-involved" reads "Less involved" (in English): the word_<enum>_<word> message. */
    public static String label(Word word) {
        if (word == null) {
            return "";
        }
        return word(group(word.getClass()), word.word());
    }

    /** The same word inside a sentence ("Rosa is now cadre."), as the timeline says levels. */
    public static String inSentence(Word word) {
        return label(word).toLowerCase(PageLanguage.current());
    }

    /**
     * A word of one of the enums (group: the enum's name in snake case, e.g. "level",
     * "tie_kind"), as the page's language says it; the word itself, capitalised, when the bundle
     * has none (never on our pages: MessageBundleTest checks every enum).
     */
    public static String word(String group, String word) {
        return word(group, word, PageLanguage.msg());
    }

    /**
     * A word as one given language says it, whatever the page's: the import reads a file's
     * "Cuadro" or "Less involved" as cadre and less-involved in either language.
     */
    public static String label(Word word, Locale language) {
        return word == null ? "" : word(group(word.getClass()), word.word(),
                MessageBundles.get(Msg.class, Localized.Literal.of(language.toLanguageTag())));
    }

    private static String word(String group, String word, Msg msg) {
        if (word == null || word.isEmpty()) {
            return "";
        }
        String key = key(group, word);
        Method method = message(key);
        if (method != null) {
            try {
                return (String) method.invoke(msg);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("message " + key, e);
            }
        }
        String w = word.replace('-', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * A list of one enum's words as the API writes it ("new, less-involved, cadre", as
     * {@code Word.words} joins them) as the page's language says them, when one enum has them
     * all; else the list as it is. Also as it is when a label holds the list's own ", " (the
     * import's field labels, "Organization (workplace, building)"): such a list no longer reads as
     * its choices, and those fields' API words are what a mapping names anyway.
     */
    public static String words(String list) {
        String[] words = list.split(", ");
        String suffix = "_" + words[0].replace('-', '_');
        for (Method m : Msg.class.getMethods()) {
            String name = m.getName();
            if (!name.startsWith("word_") || !name.endsWith(suffix) || name.length() <= 5 + suffix.length()) {
                continue;
            }
            String group = name.substring(5, name.length() - suffix.length());
            List<String> said = new ArrayList<>();
            for (String w : words) {
                if (message(key(group, w)) != null) {
                    said.add(word(group, w).toLowerCase(PageLanguage.current()));
                }
            }
            if (said.size() == words.length && said.stream().noneMatch(label -> label.contains(", "))) {
                return String.join(", ", said);
            }
        }
        return list;
    }

    /** The message of that key, or null when the bundle has none (found once, then kept). */
    private static Method message(String key) {
        return WORDS.computeIfAbsent(key, k -> {
            try {
                return Msg.class.getMethod(k);
            } catch (NoSuchMethodException e) {
                return null;
            }
        });
    }

    /** The message key of an enum's word: word_level_less_involved. */
    public static String key(String group, String word) {
        return "word_" + group + "_" + word.replace('-', '_');
    }

    /** TieKind is tie_kind. */
    public static String group(Class<?> type) {
        Class<?> enumType = type.isEnum() ? type : type.getSuperclass();
        return enumType.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public static String day(Instant at) {
        return at == null ? "" : format(DAY).format(at.atZone(zone()));
    }

    public static String dayTime(Instant at) {
        return at == null ? "" : format(DAY_TIME).format(at.atZone(zone()));
    }

    public static String day(LocalDate date) {
        return date == null ? "" : format(DAY).format(date);
    }

    /** A number as the page's language writes it, whole: 12,345 or 12.345. */
    public static String number(Number n) {
        return n == null ? "" : NumberFormat.getIntegerInstance(PageLanguage.current()).format(Math.round(n.doubleValue()));
    }

    private static DateTimeFormatter format(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, PageLanguage.current());
    }

    /** The team's zone; the team row is cached in the request's session, so this is no query per row. */
    static ZoneId zone() {
        return Arc.container().instance(CurrentOrganizer.class).get().team().zone();
    }
}
