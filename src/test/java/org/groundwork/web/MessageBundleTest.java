package org.groundwork.web;

import org.groundwork.action.ActionKind;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.contact.TieKind;
import org.groundwork.conversation.Channel;
import org.groundwork.followup.FollowUpReason;
import org.groundwork.followup.FollowUpStatus;
import org.groundwork.organization.OrganizationKind;
import org.groundwork.organization.UnitKind;
import org.groundwork.organizer.Language;
import org.groundwork.organizer.Role;
import org.groundwork.platform.Word;
import org.groundwork.work.Focus;
import org.groundwork.work.Mode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spanish pages are only as complete as the *_es files: every key of each bundle's English file
 * has a Spanish text with the same parameters, and no key lives in one file only. (Quarkus checks the keys the
 * templates use against the Msg interface at build time, but a key missing from msg_es would
 * silently fall back to English.)
 */
class MessageBundleTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{(?:#(?:when|if|switch|let) +)?([a-zA-Z_][a-zA-Z0-9_]*)");

    /** The bundles (web/Msg, MsgPeople, MsgPlaces, MsgReports, MsgAccount, MsgRefusals) by name. */
    static final List<String> BUNDLES = List.of("msg", "people", "places", "reports", "account", "refusals");

    @Test
    void everyEnglishMessageHasASpanishOneWithTheSameParametersAndViceVersa() throws IOException {
        for (String bundle : BUNDLES) {
            sameKeysAndParameters(bundle);
        }
    }

    private static void sameKeysAndParameters(String bundle) throws IOException {
        Properties en = load(bundle, "en");
        Properties es = load(bundle, "es");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(es.stringPropertyNames()),
                bundle + "_en and " + bundle + "_es have the same keys");
        List<String> problems = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String english = en.getProperty(key).strip();
            String spanish = es.getProperty(key, "").strip();
            if (english.isEmpty()) {
                problems.add(bundle + "." + key + ": empty in English");
            }
            if (spanish.isEmpty()) {
                problems.add(bundle + "." + key + ": empty in Spanish");
            }
            if (!parameters(english).equals(parameters(spanish))) {
                problems.add(bundle + "." + key + ": parameters " + parameters(english) + " in English, " + parameters(spanish)
                        + " in Spanish");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyWordAPageShowsHasAMessage() throws IOException {
        Properties en = load("msg", "en");
        List<String> missing = new ArrayList<>();
        for (Class<?> type : List.of(Level.class, Position.class, Role.class, Language.class, Mode.class, Focus.class,
                FollowUpReason.class, FollowUpStatus.class, TieKind.class, Channel.class, ActionKind.class,
                OrganizationKind.class, UnitKind.class, AuditKind.class, AuditEntity.class)) {
            for (Object constant : type.getEnumConstants()) {
                String key = Labels.key(Labels.group(type), ((Word) constant).word());
                if (!en.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertTrue(missing.isEmpty(), "words without a message: " + missing);
    }

    @Test
    void theBrowsersLanguageChoosesSpanishOrEnglish() {
        assertEquals("es", PageLanguage.ofBrowser("es-MX,es;q=0.9,en;q=0.8").getLanguage());
        assertEquals("es", PageLanguage.ofBrowser("fr-FR, es;q=0.5").getLanguage());
        assertEquals("en", PageLanguage.ofBrowser("en-GB,es;q=0.5").getLanguage());
        assertEquals("en", PageLanguage.ofBrowser("de-DE").getLanguage());
        assertEquals("en", PageLanguage.ofBrowser(null).getLanguage());
        assertEquals("en", PageLanguage.ofBrowser(";;;q=nonsense,\u0000").getLanguage());
        assertEquals("en", PageLanguage.ofBrowser("es;q=2.5").getLanguage());
    }

    static Properties load(String bundle, String language) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(MessageBundleTest.class.getResourceAsStream(
                "/messages/" + bundle + "_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> parameters(String message) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(message);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
