package org.groundwork.web;

import io.quarkus.arc.Arc;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import org.groundwork.platform.IdempotencyKeys;
import org.groundwork.platform.Ids;
import org.groundwork.platform.InputGuard;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.SafeJson;
import org.groundwork.platform.Word;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The page forms' binder: a posted form read once into the same typed record the API takes, and
 * the service's answer turned into either the next page or the same form again, with a message
 * per field and everything typed kept. A page handler then reads the fields (each named once),
 * builds the record, and says what success and a refusal draw:
 *
 * <pre>
 * Form form = Form.posted();
 * NewWork work = new NewWork(form.text("name"), form.word(Focus.class, "focus"), …);
 * return form.submit(() -> works.create(work), w -> Form.seeOther("/works/" + w.id()),
 *         () -> Templates.list(…, form.values(), form.errors()));
 * </pre>
 *
 * The record is validated where the API's is, by the service's Bean Validation constraints
 * ({@code @Valid} on its parameters), so the two doors cannot disagree; this class only turns the
 * refusal ({@link ProblemException} with field errors, or a {@link ConstraintViolationException})
 * into words on the page through {@link FormErrors}. A 404 is not a form message: {@code submit} draws it
 * as what the form is about gone ({@link #deletedPage}, with what was written: still a 404, as the API
 * answers an unknown or another team's id), and {@code attempt}/{@code succeeds} let it go on to the
 * error page. Text that does not parse (a date that is not a date) becomes its field's message and the
 * service is not called.
 * <p>
 * Two things every form of a kind needs are here too, so that each is done one way:
 * <ul>
 * <li>a create form is saved once per one-time key ({@link #once}): sent again (Back, then submit;
 * a double click) it answers as the first time and says so, through the API's Idempotency-Key
 * mechanism ({@link IdempotencyKeys#once});</li>
 * <li>an edit form read before someone else saved the same row ({@link #onConflict(Supplier)}) comes
 * back with what was typed, at the version stored now, with what is saved now beside each field
 * that differs.</li>
 * </ul>
 */
public final class Form {

    /**
     * The hidden field of a create form that carries its one-time key, and the query parameter of
     * the form's page that holds it (see {@link #keyedPage}): a random UUID, used once.
     */
    public static final String KEY = "idempotencyKey";
    /**
     * The query parameter that says what the form that led to a page saved ({@link #saved}), which the
     * page then says in a notice ({@link Here#saved}): the one way a page says "saved" after a redirect.
     */
    public static final String SAVED = "saved";
    /** What a form sent again saved ({@link #once}): nothing new; the layout says it was saved already. */
    public static final String ALREADY = "already";
    /** The hidden field of an edit form that holds the version it was read at (sent as If-Match). */
    public static final String VERSION = "version";
    /**
     * The hidden field of an edit form that holds what each of its fields held as drawn from what was
     * stored ({@link #asRead}): a short hash per field, so that after a save made meanwhile the form
     * can tell the fields this tab changed from those it left as they were.
     */
    public static final String DRAWN = "drawn";
    /** How a page draws a one-time key: a UUID as Java writes it. Anything else no page of ours drew. */
    private static final Pattern ONE_TIME_KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What is saved now in a field an edit form's conflict shows (value as the form holds it; null: empty). */
    public record Typed(String value) {
    }

    private final Map<String, String> posted;
    private final FormData data;
    /** The fields read, as typed (null for left empty), to draw the form again. */
    private final Map<String, String> values = new LinkedHashMap<>();
    /** The fields read as text ({@link #text}): what the organizer wrote, shown if the person is erased meanwhile. */
    private final Set<String> words = new LinkedHashSet<>();
    private final FormErrors errors = new FormErrors();
    /** The API's field names that the form calls otherwise ("nextStep.dueOn" → "nextStepDueOn"). */
    private final Map<String, String> renames = new HashMap<>();
    private String refusalsOn = FormErrors.FORM;
    /** Refusals that draw a page of their own instead of the form (a 412: the row changed meanwhile). */
    private final Map<Predicate<ProblemException>, Function<ProblemException, Object>> special = new LinkedHashMap<>();
    /** The last call's refusal of that kind, and what draws it. */
    private ProblemException refused;
    private Function<ProblemException, Object> answer;
    /** Saved once per one-time key ({@link #once}). */
    private boolean once;
    /** What is stored now, as the form's values, for a 412 that keeps what was typed ({@link #onConflict(Supplier)}). */
    private Supplier<Map<String, String>> storedNow;
    private boolean conflict;
    /** The status a refused form is drawn again with: the refusal's own 4xx, or 400 for a field that did not parse. */
    private int refusedWith = 400;
    /** A refusal's wait, for a 429's Retry-After (as the API's). */
    private Long retryAfter;
    /** After such a conflict: each field whose saved value differs from what was typed, with that value. */
    private final Map<String, Typed> youTyped = new LinkedHashMap<>();
    /** The page a call asked to draw instead of going on ({@link #instead}). */
    private Supplier<?> instead;
    /** The record the call takes, checked by its own constraints when a field did not parse ({@link #checks}). */
    private Object record;
    /** {@link #checks(Object, Runnable...)}: the service's own rules, checked with the record. */
    private List<Runnable> rules = List.of();

    private Form(Map<String, String> posted, FormData data) {
        this.posted = posted;
        this.data = data;
        // the person the form is about was erased while it was open: no form of theirs can be drawn again
        // (its page names them), so a page says so, with what was typed (the walk: a generic 404 lost it)
        special.put(Form::erased, p -> erasedPage());
    }

    /**
     * The erased page, in the page's main part for htmx: a form that swaps a part of its page (the wall
     * chart's board) would have been replaced by a page without that part, an empty board (the review).
     */
    private Object erasedPage() {
        return HtmxAnswers.into("#main", withStatus(IdempotencyKeys.ERASED, ErrorPages.erasedMeanwhile(typedWords()), null));
    }

    /**
     * The page for a form whose subject was deleted while it was open (a 404 from the call or from drawing the form
     * again, when no refusal of the page's own ({@link #on}) takes it): nothing saved, and what was written, as for
     * an erasure (the walk: a conversation corrected in one tab and deleted in another was a bare 404 that lost the
     * correction). Also what a form sent for another team's id meets: a 404 all the same, with the sender's own words.
     */
    private Object deletedPage() {
        return HtmxAnswers.into("#main", withStatus(404, ErrorPages.deletedMeanwhile(typedWords()), null));
    }

    /** A refusal that says the form's subject is gone: erased (410) or deleted, or never this team's (404). */
    private static boolean gone(ProblemException p) {
        return erased(p) || p.status() == 404;
    }

    /** The page for such a refusal: the erasure's or the deletion's, with what was written in the form. */
    private Object gonePage(ProblemException p) {
        return erased(p) ? erasedPage() : deletedPage();
    }

    /**
     * What the form is about, as stored now, read before the call (what the form was drawn from, to compare with
     * what was sent); null when it is gone since the page was drawn, and then the next {@code submit} draws
     * {@link #gonePage} without running its call: the caller returns {@code submit}'s answer as ever.
     */
    public <T> T stillThere(Supplier<T> read) {
        try {
            return read.get();
        } catch (ProblemException p) {
            if (!gone(p)) {
                throw p;
            }
            gonePending = p;
            return null;
        }
    }

    /** A refusal {@link #stillThere} met, drawn by the next {@code submit} instead of running its call. */
    private ProblemException gonePending;
    /** In {@code submit}: a 404 is what the form is about gone ({@link #deletedPage}). */
    private boolean submitting;

    /** Whether the last call was refused because the person the form is about was erased ({@link #erasedPage}). */
    public boolean refusedAsErased() {
        return refused != null && erased(refused);
    }

    private static boolean erased(ProblemException p) {
        return p.status() == 410 && Problems.ERASED.equals(p.getMessage());
    }

    /**
     * The form drawn again with a refusal's status; when its person was erased meanwhile, which the
     * drawing finds (its page names them: a form refused for a mistake of its own), the erased page
     * (a 410 page: {@link #refusal} keeps its status).
     */
    private Object drawnAgain(int status, Supplier<?> again) {
        return refusal(status, unlessGone(again));
    }

    /**
     * What {@code draw} gives; the erased page when it meets the erasure of the person the form is about, the
     * deleted page when what it is about is gone (a 404).
     */
    private Object unlessGone(Supplier<?> draw) {
        try {
            return draw.get();
        } catch (ProblemException p) {
            if (!gone(p)) {
                throw p;
            }
            return gonePage(p);
        }
    }

    /**
     * What was written in the form's text fields: not ids a page drew, nor a field sent back as an edit form
     * drew it ({@link #DRAWN}), which is the erased person's stored data, not this organizer's typing (the review).
     */
    private List<String> typedWords() {
        Map<String, String> drawn = drawnAsKeptOrSent();
        List<String> typed = new ArrayList<>();
        for (String field : words) {
            String v = values.get(field);
            if (v != null && !v.isBlank() && !isId(v.strip()) && !fingerprint(v).equals(drawn.get(field))) {
                typed.add(v.strip());
            }
        }
        return typed;
    }

    private static boolean isId(String value) {
        try {
            Ids.read(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The form posted with the current request (read once for every page post: see {@link CsrfCheck}). */
    public static Form posted() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        return new Form(Map.of(), request == null ? null : request.getFormData());
    }

    /** A form from values at hand: a query string's filters, or what is stored, to show for editing. */
    public static Form of(Map<String, String> values) {
        return new Form(values, null);
    }

    /**
     * A page's filter form from its query's values: a box given twice in the address, which {@code
     * InputGuard} left to the page ({@link FilterBoxes} on its GET), is refused beside it as a posted
     * field given twice is, so the page is drawn again with its message and a 400 and nothing is run.
     */
    public static Form filters(Map<String, String> values) {
        Form form = of(values);
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request != null && request.getProperty(InputGuard.BOXES_GIVEN_TWICE) instanceof Set<?> twice) {
            twice.forEach(box -> form.errors.add((String) box, FormErrors.plain(InputGuard.GIVEN_TWICE)));
        }
        return form;
    }

    /** The field as typed, null when it was not sent. */
    public String text(String field) {
        words.add(field);
        return read(field);
    }

    /**
     * A search box sent along with a form, to draw the page again as it was: kept, but no words written about
     * anyone (the erased page lists only those).
     */
    public String search(String field) {
        return read(field);
    }

    /** A field read to be parsed (a number, a date, an id, a word): kept to draw again, not words typed. */
    private String read(String field) {
        String value = raw(field);
        values.putIfAbsent(field, value);
        return value;
    }

    /** The field, blank read as "not given" (the API's null). */
    public String optional(String field) {
        return Forms.blankToNull(text(field));
    }

    /** A field never drawn again (a password): read, not kept; its refusals still go on it. */
    public String secret(String field) {
        renames.putIfAbsent(field, field);
        return raw(field);
    }

    /**
     * A checkbox: ticked when sent at all. Its value is never stored, so it is not read through the
     * NUL rule: a crafted NUL in it would put a message on a field no page shows, and the form would
     * come back with no word of why.
     */
    public boolean ticked(String field) {
        boolean sent = data != null ? data.getFirst(field) != null : posted.get(field) != null;
        values.putIfAbsent(field, sent ? "true" : null);
        return sent;
    }

    /** A comma-separated list (tags): trimmed, empty parts dropped. */
    public List<String> list(String field) {
        return parts(text(field));
    }

    /** A comma-separated value's parts, trimmed, empty ones dropped: read by {@link #list} and counted by {@link #items}. */
    private static List<String> parts(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** Every value of a repeated field (ticked boxes of one name). */
    public List<String> all(String field) {
        List<String> all = new ArrayList<>();
        Deque<FormValue> sent = data == null ? null : data.get(field);
        if (sent != null) {
            for (FormValue v : sent) {
                if (!v.isFileItem()) {
                    all.add(storable(field, v.getValue()));
                }
            }
        } else if (posted.get(field) != null) {
            all.add(posted.get(field));
        }
        return all;
    }

    /**
     * Whether more than one part came under a file field's name: the REST layer hands an upload
     * parameter one of them and drops the rest without a word, so an upload page refuses such a post
     * (only a hand-made one sends it; a file box sends one file).
     */
    public boolean severalFiles(String field) {
        Deque<FormValue> sent = data == null ? null : data.get(field);
        return sent != null && sent.size() > 1;
    }

    /** How many items came under a field: its ticked boxes, or the parts of its comma-separated list. */
    private int items(String field) {
        Deque<FormValue> sent = data == null ? null : data.get(field);
        if (sent != null && sent.size() > 1) {
            return sent.size();
        }
        // read here as sent, not through raw(): counting says nothing on the form
        String one = sent != null ? (sent.getFirst().isFileItem() ? null : sent.getFirst().getValue()) : posted.get(field);
        return parts(one).size();
    }

    /** Every value of a repeated field, each an id (ticked rows of a list). */
    public List<UUID> ids(String field) {
        List<UUID> ids = new ArrayList<>();
        for (String value : all(field)) {
            UUID id = Forms.id(value, field, errors);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    public Integer whole(String field) {
        return Forms.whole(read(field), field, errors);
    }

    public LocalDate date(String field) {
        return Forms.date(read(field), field, errors);
    }

    /** A date and time typed as on the clocks of {@code zone} (the team's): Forms.dateTime. */
    public LocalDateTime dateTime(String field, ZoneId zone) {
        return Forms.dateTime(read(field), field, zone, errors);
    }

    public UUID id(String field) {
        return id(field, field);
    }

    /** An id whose message goes elsewhere (above the form, for a hidden field the organizer never typed). */
    public UUID id(String field, String messageOn) {
        return Forms.id(textSaidOn(field, messageOn), messageOn, errors);
    }

    public <E extends Enum<E> & Word> E word(Class<E> type, String field) {
        return word(type, field, field);
    }

    /** A word whose message goes elsewhere (above the form, for a one-button form). */
    public <E extends Enum<E> & Word> E word(Class<E> type, String field, String messageOn) {
        return Forms.word(type, textSaidOn(field, messageOn), messageOn, errors);
    }

    /**
     * The field as typed, with what reading it refused (a NUL, the field sent twice) said where its
     * other messages go: a hidden field or a one-button form has no place of its own to show one.
     */
    private String textSaidOn(String field, String messageOn) {
        String value = read(field);
        String refused = field.equals(messageOn) ? null : errors.map().remove(field);
        if (refused != null) {
            errors.add(messageOn, refused);
        }
        return value;
    }

    /** A value to draw with the form that was not posted with it (a default of another form on the page). */
    public Form also(String field, String value) {
        values.putIfAbsent(field, value);
        return this;
    }

    /**
     * The record the call will take. When a field did not parse the call does not run, so the
     * record's own constraints (a name left empty, a summary too long), which the service checks as
     * the API's, would be said only once the field is mended: a second round of the same form. With
     * the record named here they are checked then as well, and every message comes at once; a field
     * that did not parse keeps its own message (its value in the record is only a gap).
     */
    public Form checks(Object record) {
        this.record = record;
        return this;
    }

    /**
     * {@link #checks} with rules of the service's own that it checks after the record's (a time zone
     * the tz database names, the tags' count and length): when a field did not parse or the record's
     * constraints fail, the call does not run, so they are run then, and their messages come in the same
     * round as the others, not once those are mended. Each is the service's one copy of its rule, called
     * here as well; its refusal goes on its field. When the form and the record pass, the call says them.
     */
    public Form checks(Object record, Runnable... rules) {
        this.record = record;
        this.rules = List.of(rules);
        return this;
    }

    /**
     * {@link #checks} said at once, for a page that looks things up with the values before its call
     * (the door's match on phone and email): the record's broken rules go on their fields now, beside
     * any field that did not parse, in the words the call's refusal would have, and nothing is looked
     * up with a value no row may hold. Returns whether the form is still valid.
     */
    public boolean checked() {
        checkRecord();
        return valid();
    }

    /** A field the page asks for even where the API does not (or asks with its own words). */
    public Form need(String field, String message) {
        if (Forms.blankToNull(raw(field)) == null) {
            error(field, message);
        }
        return this;
    }

    /** A message of the page's own for a field (kept if the field already has one). */
    public Form error(String field, String message) {
        errors.add(field, message);
        return this;
    }

    /** "apiField=formField" pairs; "apiField=form" puts that field's refusals above the form. */
    public Form names(String... apiToForm) {
        renames.putAll(FormErrors.names(apiToForm));
        return this;
    }

    public Form names(Map<String, String> apiToForm) {
        renames.putAll(apiToForm);
        return this;
    }

    /** Where a refusal that names no field goes ("already at that level" is about the level chosen). */
    public Form refusalsOn(String field) {
        refusalsOn = field;
        return this;
    }

    /** What a 412 draws instead of the form (the row changed meanwhile: show what is stored now). */
    public Form onConflict(Function<ProblemException, Object> answer) {
        return on(p -> p.status() == 412, answer);
    }

    /**
     * An edit form's 412 (someone saved the row after the form was read): the form is drawn again
     * (the submit's {@code again}) at the version stored now and with what is stored now, a message
     * above it saying someone else saved it meanwhile, and under each field where what was typed
     * differs from what is stored, what was typed ({@link #youTyped()}), so nothing typed is lost
     * and nothing the other save changed is undone by saving again. {@code now} gives the stored row
     * as this form's values (with {@link #VERSION}, and {@link #DRAWN} through {@link #asRead}). With
     * what each field held when drawn ({@link #DRAWN}), each field is one of three: sent back as drawn
     * (not this tab's change) it takes what is stored now without a word; changed here and left as
     * drawn by the other save, it keeps the typing in the field; changed by both, it shows what is
     * stored with what was typed under it.
     */
    public Form onConflict(Supplier<Map<String, String>> now) {
        storedNow = now;
        version(); // an edit form's version is drawn again with it, whichever refusal draws it
        keepDrawn();
        return this;
    }

    /**
     * {@link #DRAWN} kept when the form is drawn again for a refusal; read as sent, not through the NUL rule: a
     * crafted NUL in this hidden field would refuse the form with a message no page shows.
     */
    private void keepDrawn() {
        String drawn = sent(DRAWN);
        if (drawn != null && drawn.indexOf('\0') < 0) {
            values.putIfAbsent(DRAWN, drawn);
        }
    }

    /**
     * An edit form's values as read from what is stored, with {@link #DRAWN}: what each field held,
     * as a short hash (the words themselves stay out of the hidden field).
     */
    public static Map<String, String> asRead(Map<String, String> stored) {
        Map<String, String> values = new LinkedHashMap<>(stored);
        StringBuilder drawn = new StringBuilder();
        stored.forEach((field, value) -> {
            if (!field.equals(VERSION) && !field.equals(DRAWN)) {
                drawn.append(drawn.length() == 0 ? "" : ".").append(field).append(':').append(fingerprint(value));
            }
        });
        values.put(DRAWN, drawn.toString());
        return values;
    }

    /** A field's words as the form compares them ({@link #shown}), hashed short: 72 bits. */
    private static String fingerprint(String value) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(IdempotencyKeys.hash(shown(value)), 9));
    }

    /** The fields as the form was drawn ({@link #DRAWN} as sent back): field → hash; empty for none or a forged one. */
    private Map<String, String> drawnAs() {
        return drawnAs(values.get(DRAWN));
    }

    /** {@link #drawnAs()}, or as sent when no conflict kept it (a form without {@link #onConflict(Supplier)}). */
    private Map<String, String> drawnAsKeptOrSent() {
        return drawnAs(values.containsKey(DRAWN) ? values.get(DRAWN) : sent(DRAWN));
    }

    private static Map<String, String> drawnAs(String sent) {
        Map<String, String> drawn = new HashMap<>();
        if (sent == null || sent.length() > 4096) {
            return drawn;
        }
        for (String pair : sent.split("\\.")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                drawn.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
        return drawn;
    }

    /**
     * A create form that is saved once per one-time key: its page draws a new key into the form
     * ({@link #KEY}, a hidden field, from the page's address: {@link #keyedPage}), and the submit
     * claims it for this organizer with the write, in one transaction ({@link IdempotencyKeys#once},
     * the API's Idempotency-Key mechanism). Sent again with the same fields, the form answers as the
     * first time did (the redirect, saying "saved already"); with other fields, it comes back with
     * what was typed, a message, and a new key, so saving it as well is a choice. A key that is not
     * one a page draws is a 400 with the form and what was typed; a form sent without the field (a
     * page drawn before keys) is saved as before. The submit's next page must be a redirect.
     */
    public Form once() {
        once = true;
        return this;
    }

    /**
     * Ends a form's call without writing, to draw {@code page} instead of going on (the contact
     * form's "someone already known?"). Nothing the call did is kept, nor a one-time key's claim.
     */
    public static RuntimeException instead(Supplier<?> page) {
        return new Instead(page);
    }

    /**
     * A create form's page is drawn at an address that holds its one-time key, so that Back, which
     * fetches the page again (pages are never cached), draws the form with the same key and the
     * browser sends it with what it kept of the typing: a new key each time would save it twice.
     * Null when {@code key} (the address's {@link #KEY}) is one; else the redirect to {@code path},
     * with its {@code params} (name, value, ...; null values left out) and a new key.
     */
    public static Response keyedPage(String key, String path, String... params) {
        if (isKey(key)) {
            return null;
        }
        StringBuilder address = new StringBuilder(path).append('?');
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] != null) {
                address.append(params[i]).append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return seeOther(address.append(KEY).append('=').append(newKey()).toString());
    }

    /** Whether this is a one-time key as a page draws it. */
    public static boolean isKey(String key) {
        return key != null && key.length() == 36 && ONE_TIME_KEY.matcher(key).matches();
    }

    /**
     * A new one-time key: time-ordered (UUIDv7, 62 random bits), so a page can draw a default that
     * stays the same when Back draws it again ({@link #keyMadeAt}).
     */
    public static String newKey() {
        return org.groundwork.platform.Ids.next().toString();
    }

    /**
     * When the page's key was made, for a default such as a conversation's "when": Back redraws the
     * same keyed address, so the same default, and the form sent again is the same form. Now for a
     * key that is not a time-ordered one of ours, or claims a time to come.
     */
    public static java.time.Instant keyMadeAt(String key) {
        java.time.Instant now = java.time.Instant.now();
        if (!isKey(key)) {
            return now;
        }
        UUID id = UUID.fromString(key);
        if (id.version() != 7) {
            return now;
        }
        java.time.Instant made = java.time.Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
        return made.isAfter(now) ? now : made;
    }

    /** When this form's page was opened: {@link #keyMadeAt(String)} of the one-time key it was sent with. */
    public java.time.Instant keyMadeAt() {
        return keyMadeAt(sent(KEY));
    }

    /** What a refusal of one kind draws instead of the form with its messages. */
    public Form on(Predicate<ProblemException> which, Function<ProblemException, Object> answer) {
        special.put(which, answer);
        return this;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> errors() {
        return errors.map();
    }

    /** After a conflict ({@link #onConflict(Supplier)}): what was typed, where it differs from what is saved now. */
    public Map<String, Typed> youTyped() {
        return youTyped;
    }

    /**
     * Runs the service call if every field parsed; a refusal becomes field messages and an empty
     * answer (as does an answer of null: use {@link #succeeds} for a call that answers nothing).
     */
    public <T> Optional<T> attempt(Supplier<T> call) {
        Outcome<T> outcome = run(call);
        return outcome.done() ? Optional.ofNullable(outcome.answer()) : Optional.empty();
    }

    /**
     * A page drawn after {@link #attempt} or {@link #succeeds}, with the status of what happened: as
     * is when nothing was refused, with the refusal's own 4xx otherwise (400 for a field that did not
     * parse or a message the page added), as {@link #submit} draws a refused form.
     */
    public Object drawn(Object page) {
        return valid() && !conflict && refused == null ? page : refusal(refusedStatus(), page);
    }

    /** What was refused, as a page's status: 409 for a save made meanwhile, else the refusal's own. */
    private int refusedStatus() {
        if (conflict) {
            return 409;
        }
        return refused != null ? pageStatus(refused) : refusedWith;
    }

    /** {@link #attempt} for a call that answers nothing: whether it went through. */
    public boolean succeeds(Runnable call) {
        return run(() -> {
            call.run();
            return null;
        }).done();
    }

    /** The call, then {@code then} with its answer; on a parse error or a refusal, {@code again}. */
    public <T> Object submit(Supplier<T> call, Function<T, ?> then, Supplier<?> again) {
        submitting = true;
        if (once && sent(KEY) != null) {
            return submitOnce(sent(KEY), call, then, again);
        }
        Outcome<T> outcome = run(call);
        if (conflict && nothingShownChangedMeanwhile()) {
            conflict = false;
            outcome = run(call);
        }
        if (outcome.done()) {
            return then.apply(outcome.answer());
        }
        return otherwise(again);
    }

    /**
     * Whether {@code field} came back as this form drew it ({@link #DRAWN}): not this tab's change. An edit form
     * leaves such a field out of its save, so what a form can show only approximately is not written back
     * changed: a time to the minute on the team's clocks (which a change of the team's zone meanwhile shifts: the
     * walk's conversation moved six hours by a save of its summary), tags joined with commas (a tag holding one
     * came back as two). False when the form did not say what it drew.
     */
    public boolean sentAsDrawn(String field) {
        keepDrawn(); // a create form asks it without onConflict: drawn again, it still knows what it drew
        String asDrawn = drawnAsKeptOrSent().get(field);
        return asDrawn != null && fingerprint(values.containsKey(field) ? values.get(field) : sent(field)).equals(asDrawn);
    }

    /**
     * A 412 for a save made meanwhile that left every field this form shows as it was drawn: the version
     * moved for something the form does not hold (a check-in at the door moves its action's, an Up or Down
     * its unit's, a level change its contact's). Nothing would be shown to check or copy back, so the call
     * runs once more at the version stored now ({@link #version()}) instead of drawing the form again to be
     * saved as it is. A form sent without what it was drawn with cannot tell, and is drawn again.
     */
    private boolean nothingShownChangedMeanwhile() {
        Map<String, String> drawn = drawnAs();
        if (drawn.isEmpty()) {
            return false;
        }
        Map<String, String> now;
        try {
            now = storedNow.get();
        } catch (ProblemException gone) {
            return false; // erased or deleted since: said by the conflict's own page
        }
        for (Map.Entry<String, String> field : now.entrySet()) {
            if (!field.getKey().equals(VERSION) && !field.getKey().equals(DRAWN)
                    && !fingerprint(field.getValue()).equals(drawn.get(field.getKey()))) {
                return false;
            }
        }
        if (now.get(VERSION) == null) {
            return false;
        }
        values.put(VERSION, now.get(VERSION));
        return true;
    }

    /**
     * What a call that did not go through draws: the page it asked for, a refusal's own, or the form
     * again, with the status of what happened: a 4xx like the API's (the refusal's own, 400 for a
     * field that did not parse), 409 for a save made meanwhile. A browser draws it as any page; a
     * script or a crawler sees that nothing was saved.
     */
    private Object otherwise(Supplier<?> again) {
        if (instead != null) {
            return instead.get();
        }
        if (conflict) {
            // reads what is stored now: a person erased since is said as that, as drawing the form again says it
            Object erasedSince = unlessGone(() -> {
                keepTyped();
                return null;
            });
            if (erasedSince != null) {
                return erasedSince;
            }
        } else if (refused != null) {
            // the refusal's own page (a wait after too many tries, a file that cannot be read), with its status
            return refusal(refusedStatus(), answer.apply(refused));
        }
        return drawnAgain(refusedStatus(), again);
    }

    /**
     * A refusal's status on a page: its own 4xx, or any status that says when to try again (a 503 busy for
     * now, as ProblemMapper answers it), but 409 for a 412 (a page sends its version in the form, not in
     * If-Match) and 400 for anything else the page could draw messages for.
     */
    private static int pageStatus(ProblemException p) {
        if (p.status() == 412) {
            return 409;
        }
        if (p.retryAfter() != null) {
            return p.status();
        }
        return p.status() >= 400 && p.status() < 500 ? p.status() : 400;
    }

    /** A page drawn again with messages its own checks found (no service call): a 400, as the API answers. */
    public static Object refused(Object page) {
        return withStatus(400, page, null);
    }

    /**
     * The form drawn again with a refusal's status; a redirect as it is, and a page that set its own
     * 4xx (the login code's 429) with that status.
     */
    private Object refusal(int status, Object page) {
        if (page instanceof Response r && r.getStatus() != 200) {
            return r.getStatus() >= 400 ? withStatus(r.getStatus(), page, retryAfter) : page;
        }
        return withStatus(status, page, retryAfter);
    }

    /** {@link #once}: the call and its redirect kept under the key, or the answer kept there before. */
    private <T> Object submitOnce(String key, Supplier<T> call, Function<T, ?> then, Supplier<?> again) {
        if (!isKey(key)) {
            // not a key a page drew (cut, or made up): said above the form, with what was typed and a good key
            values.put(KEY, newKey());
            errors.add(FormErrors.FORM, PageLanguage.msg().form_key_bad());
            return drawnAgain(400, again);
        }
        values.put(KEY, key);
        if (!valid()) {
            checkRecord();
            return drawnAgain(400, again); // nothing to claim for a form that does not parse: the call would not run
        }
        byte[] hash = hash();
        IdempotencyKeys.Once saved;
        try {
            saved = Arc.container().instance(IdempotencyKeys.class).get().once(key, hash, () -> {
                Outcome<T> outcome = run(call);
                if (!outcome.done()) {
                    throw new Undone(); // refused: the claim goes with the transaction, the key stays free
                }
                Object next = then.apply(outcome.answer());
                if (!(next instanceof Response r) || r.getStatus() != 303 || r.getLocation() == null) {
                    throw new IllegalStateException("a form saved once goes on with a redirect: " + next);
                }
                return new IdempotencyKeys.Answer(303, local(r.getLocation()), null, null);
            });
        } catch (Undone e) {
            return otherwise(again); // drawn outside the rolled-back transaction
        }
        if (saved.earlier() == null) {
            return seeOther(saved.answer().location());
        }
        IdempotencyKeys.Answer first = saved.earlier().answer();
        if (saved.earlier().sameRequest(hash) && first.status() == 303 && first.location() != null) {
            return seeOther(savedAlready(first.location()));
        }
        values.put(KEY, newKey());
        if (IdempotencyKeys.erased(saved.earlier())) {
            // what it saved named someone erased since (IdempotencyKeys.forget): said as that, not as a form
            // sent before, whose "save it again" wrote the erased person anew in one click
            errors.add(FormErrors.FORM, PageLanguage.msg().form_erased_since());
            return drawnAgain(IdempotencyKeys.ERASED, again);
        }
        // the key was used for other words (Back, then a change): what was typed now comes back, with a new key, and
        // the message links what was saved, where a typo is corrected without making a second record
        if (first.location() != null) {
            Arc.container().instance(Here.class).get().earlier(withoutQuery(first.location()));
        }
        errors.add(FormErrors.FORM, PageLanguage.msg().form_sent_before());
        return drawnAgain(409, again);
    }

    /**
     * The version an edit form was read at ({@link #VERSION}, sent on as If-Match), as sent: not through the NUL
     * rule, which would put its message on a hidden field no page shows (a 400 without a word). A crafted one
     * names no version, so the save is the conflict it is: the form at the version stored now, said so; so does
     * an empty one (it was no check at all, and a hand-made post overwrote a save made meanwhile: a walk), as an
     * empty If-Match is ({@code ETags}). A form without the field (a script's) is not checked.
     */
    public String version() {
        // drawn again as sent when another field is refused, as text() keeps a field; the stored one once a
        // save made meanwhile changed nothing the form shows (submit runs the call again at it)
        values.putIfAbsent(VERSION, sent(VERSION));
        String v = values.get(VERSION);
        return v == null ? null : v.strip();
    }

    /**
     * A hidden field the page drew for itself (the level a form was drawn with), as sent and not through the
     * binder: a tampered value is no value, said nowhere, as a NUL in it was (a 400 with no word on the page).
     */
    public String hidden(String field) {
        String v = sent(field);
        String read = v == null || v.isBlank() || v.length() > 100 || v.indexOf('\0') >= 0 ? null : v.strip();
        values.putIfAbsent(field, read); // drawn again as read: a tampered value is not echoed back
        return read;
    }

    /**
     * What a page's edit saves: its {@code required} fields (one missing is refused by its rule), those of its
     * {@code optional} ones its post holds, and its {@code boxes} the page drew (a checkbox's absence is its
     * "unticked" only in a form that had it: the form's {@link #DRAWN} names it). An optional field missing from a
     * post keeps what is stored: a browser sends every box it drew, and a hand-made post of the name alone had
     * emptied the phone, organization and owner (a walk); without {@link #DRAWN}, it would have turned "do not
     * contact" off (the review). The fields are named as the form names its boxes.
     */
    public Set<String> saves(Set<String> required, Set<String> optional, String... boxes) {
        Set<String> held = new java.util.HashSet<>(required);
        for (String field : optional) {
            if (sent(field) != null) {
                held.add(field);
            }
        }
        Map<String, String> drawn = drawnAsKeptOrSent();
        for (String box : boxes) {
            if (drawn.containsKey(box)) {
                held.add(box);
            }
        }
        return held;
    }

    /** A field as sent, not through the NUL rule (null when the form has no such field): the one-time key, {@link #DRAWN}. */
    private String sent(String field) {
        if (data != null) {
            FormValue v = data.getFirst(field);
            return v == null || v.isFileItem() ? null : v.getValue();
        }
        return posted.get(field);
    }

    /**
     * The request a key was sent with: the path and every field but the CSRF token and the key, in
     * order of name. Only its hash is kept ({@link IdempotencyKeys#hash}), never the words.
     */
    private byte[] hash() {
        Map<String, List<String>> fields = new TreeMap<>();
        if (data != null) {
            String csrf = Arc.container().instance(CsrfTokenParameterProvider.class).get().getParameterName();
            for (String name : data) {
                if (name.equals(KEY) || name.equals(csrf)) {
                    continue;
                }
                for (FormValue v : data.get(name)) {
                    if (!v.isFileItem()) {
                        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(v.getValue());
                    }
                }
            }
        } else {
            posted.forEach((name, value) -> {
                if (!name.equals(KEY)) {
                    fields.put(name, List.of(String.valueOf(value)));
                }
            });
        }
        StringBuilder request = new StringBuilder("POST ");
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        request.append(current == null ? "" : current.getPath()).append('\n');
        fields.forEach((name, all) -> all.forEach(value ->
                request.append(name.length()).append(':').append(name).append('=')
                        .append(value.length()).append(':').append(value).append('\n')));
        return IdempotencyKeys.hash(request.toString());
    }

    /** Where a redirect goes, without the scheme and host the first request named (a repeat names its own). */
    private static String local(URI location) {
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery())
                + (location.getRawFragment() == null ? "" : "#" + location.getRawFragment());
    }

    /** An address without its query (a saved=… mark that would say the page was just saved), its fragment kept. */
    private static String withoutQuery(String location) {
        int fragment = location.indexOf('#');
        String path = fragment < 0 ? location : location.substring(0, fragment);
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)) + (fragment < 0 ? "" : location.substring(fragment));
    }

    /** The address a form sent again goes on to, marked so its page says it was saved already (at its top). */
    private static String savedAlready(String location) {
        int fragment = location.indexOf('#');
        return saved(fragment < 0 ? location : location.substring(0, fragment), ALREADY);
    }

    /**
     * The address a saved form goes on to, marked with what it saved ({@code saved=what}, a word, before
     * any {@code #fragment}), so the page drawn there says so ({@link Here#saved}). A mark the address had
     * is replaced: a page says one thing about the form that led to it.
     */
    public static String saved(String address, String what) {
        int fragment = address.indexOf('#');
        String path = fragment < 0 ? address : address.substring(0, fragment);
        String rest = fragment < 0 ? "" : address.substring(fragment);
        int query = path.indexOf('?');
        StringBuilder marked = new StringBuilder(query < 0 ? path : path.substring(0, query)).append('?');
        if (query >= 0) {
            for (String parameter : path.substring(query + 1).split("&")) {
                if (!parameter.isEmpty() && !parameter.startsWith(SAVED + "=") && !parameter.equals(SAVED)) {
                    marked.append(parameter).append('&');
                }
            }
        }
        return marked.append(SAVED).append('=').append(what).append(rest).toString();
    }

    private static Object withStatus(int status, Object page, Long retryAfter) {
        Response.ResponseBuilder answer = page instanceof Response r ? Response.fromResponse(r).status(status)
                : Response.status(status).entity(page);
        if (retryAfter != null
                && !(page instanceof Response r && r.getHeaderString("Retry-After") != null)) {
            answer.header("Retry-After", retryAfter);
        }
        // htmx swaps it where the form was, as a 200 (HtmxAnswers; the header goes no further)
        return answer.header(HtmxAnswers.FORM_REFUSAL, "1").build();
    }

    /**
     * A 412 with {@link #onConflict(Supplier)}: the version and the values become the stored ones,
     * and each field typed otherwise keeps its typing beside it (compared as the form shows it).
     */
    private void keepTyped() {
        Map<String, String> now = storedNow.get();
        Map<String, String> drawn = drawnAs();
        for (Map.Entry<String, String> field : now.entrySet()) {
            if (field.getKey().equals(VERSION) || field.getKey().equals(DRAWN)) {
                values.put(field.getKey(), field.getValue());
            } else if (values.containsKey(field.getKey()) && !same(values.get(field.getKey()), field.getValue())) {
                String typed = values.get(field.getKey());
                String asDrawn = drawn.get(field.getKey());
                // a form sent without what it was drawn with cannot tell: every field that differs counts as typed
                boolean changedHere = asDrawn == null || !fingerprint(typed).equals(asDrawn);
                if (changedHere && asDrawn != null && fingerprint(field.getValue()).equals(asDrawn)) {
                    // changed in this tab only (the other save left it as drawn): the typing stays in the
                    // field, and saving again makes this tab's change and undoes nothing of the other's
                    continue;
                }
                // what is saved is shown; the typing is kept beside it only where this tab changed the field
                // too (saved again as typed, a field this tab never touched would undo the other save)
                if (changedHere) {
                    youTyped.put(field.getKey(), new Typed(typed));
                }
                values.put(field.getKey(), field.getValue());
            }
        }
        errors.add(FormErrors.FORM, youTyped.isEmpty() ? PageLanguage.msg().form_changed_meanwhile_kept()
                : PageLanguage.msg().form_changed_meanwhile());
    }

    /** The same words, as a browser sends them back: a text area's line ends are CRLF, empty is absent. */
    private static boolean same(String typed, String stored) {
        return shown(typed).equals(shown(stored));
    }

    /**
     * A field's words as the form compares them (and {@link #fingerprint} hashes them): every line end,
     * CRLF, LF or a lone CR, as LF. A browser draws a lone CR stored through the API as a line end and
     * sends it back as CRLF, so a note left untouched must compare equal to what was drawn. Only the
     * comparison: the binder stores what is sent with CRLF read as LF ({@link #lineEnds}; a browser
     * never sends a lone CR), so a page saves every line end as LF and the API stores what it is sent.
     */
    private static String shown(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The one place the pages catch a service's refusals. */
    private <T> Outcome<T> run(Supplier<T> call) {
        if (gonePending != null) {
            refused = gonePending;
            answer = this::gonePage;
            return new Outcome<>(false, null);
        }
        if (!valid()) {
            checkRecord();
            return new Outcome<>(false, null);
        }
        if (!rules.isEmpty()) {
            // the record's constraints now, so that the rules are said with them when they fail; when they
            // pass, the call runs and says the rules itself, with whatever else it checks in one answer
            checkRecord();
            if (!valid()) {
                return new Outcome<>(false, null);
            }
        }
        try {
            return new Outcome<>(true, refusalSaid(call));
        } catch (Instead e) {
            instead = e.page;
            return new Outcome<>(false, null);
        } catch (ProblemException | ConstraintViolationException e) {
            if (e instanceof ProblemException p && p.status() == 412 && storedNow != null) {
                conflict = true; // drawn by otherwise(), outside any transaction of the call
                return new Outcome<>(false, null);
            }
            if (e instanceof ProblemException p) {
                for (Map.Entry<Predicate<ProblemException>, Function<ProblemException, Object>> s : special.entrySet()) {
                    if (s.getKey().test(p)) {
                        refused = p; // drawn by its own answer, with its own words
                        answer = s.getValue();
                        retryAfter = p.retryAfter();
                        return new Outcome<>(false, null);
                    }
                }
            }
            if (submitting && e instanceof ProblemException p && p.status() == 404) {
                // what the form is about is gone, and no refusal of the page's own took it: said with what was written
                // (a form's call; a page's read through attempt() answers its 404 as it did)
                refused = p;
                answer = this::gonePage;
                return new Outcome<>(false, null);
            }
            if (e instanceof ProblemException p) {
                refusedWith = pageStatus(p);
                retryAfter = p.retryAfter();
            }
            addRefusal(e);
            return new Outcome<>(false, null);
        }
    }

    /**
     * A change the database refused as a refusal, not a fault (ProblemMapper.refusalOf: a lock waited for too long
     * behind an import or a long merge, a lost race, a change past its time limit), is said in words with the form
     * as typed, not the error page that lost it (the reviews).
     */
    private static <T> T refusalSaid(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (!(e instanceof ProblemException) && org.groundwork.platform.ProblemMapper.lostAtItsWrite(e)) {
                // another save committed between this one's version check and its write: the same as a version
                // read too early, so the same form (what is stored now, what was typed), not the 409 page
                throw Problems.stale();
            }
            ProblemException refusal = e instanceof ProblemException ? null : org.groundwork.platform.ProblemMapper.refusalOf(e);
            if (refusal == null) {
                throw e;
            }
            throw refusal;
        }
    }

    /** {@link #checks}: the record's own constraints, said beside the fields that did not parse. */
    private void checkRecord() {
        if (record != null) {
            Set<ConstraintViolation<Object>> broken = Arc.container().instance(Validator.class).get().validate(record);
            if (!broken.isEmpty()) {
                addRefusal(new ConstraintViolationException(broken));
            }
        }
        if (valid()) {
            return; // the call runs, and says its rules itself
        }
        for (Runnable rule : rules) {
            try {
                rule.run();
            } catch (ProblemException e) {
                // a field's refusal is said now; any other is left for the call once the fields are mended
                if (e.status() == 400) {
                    addRefusal(e);
                }
            }
        }
    }

    /** A refusal's messages, each on its field as the form names it (one that names none where {@link #refusalsOn} says). */
    private void addRefusal(RuntimeException e) {
        Map<String, String> names = new HashMap<>();
        values.keySet().forEach(f -> names.put(f, f));
        names.putAll(renames);
        FormErrors.of(e, names, this::items).map().forEach((field, message) ->
                errors.add(FormErrors.FORM.equals(field) ? refusalsOn : field, message));
    }

    private record Outcome<T>(boolean done, T answer) {
    }

    /** {@link #instead}: a page to draw, no write. */
    private static final class Instead extends RuntimeException {
        final transient Supplier<?> page;

        Instead(Supplier<?> page) {
            super(null, null, false, false);
            this.page = page;
        }
    }

    /** A keyed call that did not go through: its transaction, with the key's claim, rolls back. */
    private static final class Undone extends RuntimeException {
        Undone() {
            super(null, null, false, false);
        }
    }

    /** The call, then a redirect (post/redirect/get); on a parse error or a refusal, {@code again}. */
    public Object submit(Runnable call, String redirect, Supplier<?> again) {
        return submit(() -> {
            call.run();
            return null;
        }, done -> seeOther(redirect), again);
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private String raw(String field) {
        if (data != null) {
            Deque<FormValue> sent = data.get(field);
            if (sent != null && sent.size() > 1) {
                // a field a page draws once, sent twice (by hand or by a script): which one was meant is not
                // ours to guess, so it is refused as the API refuses a parameter given twice (only all() and
                // ids() read a field of several values: ticked boxes of one name)
                errors.add(field, FormErrors.plain(InputGuard.GIVEN_TWICE));
            }
            FormValue v = data.getFirst(field);
            return v == null || v.isFileItem() ? null : storable(field, lineEnds(v.getValue()));
        }
        return lineEnds(posted.get(field));
    }

    /**
     * A browser sends every line end of a text area as CRLF, whatever was stored: read back as LF,
     * so saving notes untouched stores them as they were (and the audit names no change).
     */
    private static String lineEnds(String value) {
        return value == null || value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n");
    }

    /**
     * A NUL character cannot be stored, nor bytes that are not UTF-8 ({@link FormBytes}): either becomes
     * the field's message, the form is drawn again
     * with the rest of what was typed, and nothing is sent on (the service is not called while a
     * field has a message). Page forms are read only through this binder ({@code InputGuard}
     * leaves their fields to it; {@code PagesReadFormsThroughTheBinderTest} keeps it so).
     */
    private String storable(String field, String value) {
        if (FormBytes.notUtf8(field)) {
            // sent in bytes that are no UTF-8 (%C3%28): the parser made them U+FFFD, which would be stored
            errors.add(field, FormErrors.plain(SafeJson.NOT_UTF8_MESSAGE));
        }
        if (!SafeJson.hasNul(value)) {
            return value;
        }
        errors.add(field, FormErrors.plain(SafeJson.NUL_MESSAGE));
        return value.replace("\u0000", "");
    }
}
