package org.groundwork.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.groundwork.organizer.CurrentOrganizer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The language a page is drawn in: the organizer's own choice (Settings) once their password is right
 * (the second factor's pages too); before that (login, setup) the browser's Accept-Language, Spanish or
 * English, English when it names neither. Every template instance gets it as its locale, so
 * {@code {msg:...}} in any template and {@link Labels}' dates follow it.
 */
@ApplicationScoped
public class PageLanguage {

    static final List<String> LANGUAGES = List.of("en", "es");

    /** Qute calls this for every template instance it creates: one place for every page. */
    void localeForEveryPage(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> instance.setLocale(current()));
    }

    /**
     * The language of a page drawn where the request's own login cannot be read on this thread
     * ({@link #early}, {@link #forLogin}): it wins while that page is drawn.
     */
    private static final ThreadLocal<Locale> DRAWN_IN = new ThreadLocal<>();

    /** The language of the request being answered; English outside a request. */
    public static Locale current() {
        Locale drawnIn = DRAWN_IN.get();
        if (drawnIn != null) {
            return drawnIn;
        }
        if (!Arc.container().requestContext().isActive()) {
            return Locale.ENGLISH;
        }
        String chosen = chosen();
        if (chosen != null) {
            return Locale.forLanguageTag(chosen);
        }
        try (InstanceHandle<HttpServerRequest> request = Arc.container().instance(HttpServerRequest.class)) {
            HttpServerRequest http = request.isAvailable() ? request.get() : null;
            // no language chosen here: nobody logged in (the login page after Log out was English for a Spanish
            // organizer whose browser asks for English: the walk), or the login not readable here: the cookie this
            // browser's pages left, else the browser's (a login waiting for its second factor carries its language)
            return withoutLogin(http);
        } catch (RuntimeException e) {
            return Locale.ENGLISH;
        }
    }

    /**
     * A page drawn where the login cannot be read: the language this browser's pages were last drawn
     * in for a logged-in organizer (the cookie they leave), else the browser's.
     */
    private static Locale withoutLogin(HttpServerRequest http) {
        if (http == null) {
            return Locale.ENGLISH;
        }
        io.vertx.core.http.Cookie last = http.getCookie(LanguageCookie.NAME);
        if (last != null && LANGUAGES.contains(last.getValue())) {
            return Locale.forLanguageTag(last.getValue());
        }
        return ofBrowser(http.getHeader("Accept-Language"));
    }

    /**
     * Draws a page refused before the app's own handling of the request (platform/HttpLimits, on the
     * I/O thread, where no request context holds the login): in {@link #withoutLogin}'s language, so
     * an address too long or a login post that cannot be read is said as the pages around it are.
     */
    public static <T> T early(HttpServerRequest http, Supplier<T> draw) {
        return drawnIn(withoutLogin(http), draw);
    }

    /**
     * Draws a page refused on the I/O thread before any page took the request (an address no page has,
     * a method its path does not take: platform/ProblemMapper), for the login read apart from the
     * request (null: nobody): in the organizer's own language, as their other pages are, whatever the
     * browser or an older cookie says; for nobody, in {@link #withoutLogin}'s.
     */
    public static <T> T forLogin(SecurityIdentity who, HttpServerRequest http, Supplier<T> draw) {
        Optional<String> chosen = who == null ? Optional.empty() : CurrentOrganizer.languageOf(who);
        return drawnIn(chosen.filter(LANGUAGES::contains).map(Locale::forLanguageTag).orElseGet(() -> withoutLogin(http)), draw);
    }

    private static <T> T drawnIn(Locale language, Supplier<T> draw) {
        DRAWN_IN.set(language);
        try {
            return draw.get();
        } finally {
            DRAWN_IN.remove();
        }
    }

    /**
     * The organizer's own choice, when the login can be read here and they made one; null otherwise (nobody, no
     * choice, or the identity not readable here: an I/O thread answering an early refusal, an unknown path, a 405).
     * Never throws.
     */
    static String chosen() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try (InstanceHandle<CurrentOrganizer> organizer = Arc.container().instance(CurrentOrganizer.class)) {
            return organizer.get().language().orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The first of our languages the browser asks for, by its weights; English when none or malformed. */
    static Locale ofBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return Locale.ENGLISH;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** The shared page messages in the request's language, for what a page resource words in Java. */
    public static Msg msg() {
        return of(Msg.class);
    }

    public static MsgPeople people() {
        return of(MsgPeople.class);
    }

    public static MsgPlaces places() {
        return of(MsgPlaces.class);
    }

    public static MsgReports reports() {
        return of(MsgReports.class);
    }

    public static MsgAccount account() {
        return of(MsgAccount.class);
    }

    /** The services' refusals as pages say them (through {@link Refusals}). */
    static MsgRefusals refusals() {
        return of(MsgRefusals.class);
    }

    private static <T> T of(Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(current().toLanguageTag()));
    }
}
