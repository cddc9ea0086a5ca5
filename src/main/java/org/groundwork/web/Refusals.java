package org.groundwork.web;

import io.quarkus.qute.TemplateExtension;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' refusals in the page's language. A service words a refusal once, in English, for
 * the API and the pages alike ({@code platform/Problems}, field errors, an import's line messages,
 * a failed import's stored text); a page looks the wording up here and says the message this table
 * names for it (in {@link MsgRefusals}, or a {@link Msg} form message where one says the same). The
 * one table from the API's words to the pages': a new refusal a page can show needs its line here
 * and in both refusals_*.properties ({@code RefusalsTest} finds every wording the services throw and
 * fails for one without a line). Wordings no page shows (request headers, JSON bodies, tokens) are
 * left out on purpose: the test lists them.
 */
public final class Refusals {

    /**
     * An English wording with its parameters ({name}) and the message that says it. In {@code pattern}
     * a parameter matches anything but "; ", which joins several refusals (an import line's problems);
     * in {@code anything} it matches "; " too (a name typed with one), tried only when no reading
     * without it exists ({@link #read}).
     */
    private record Phrase(String english, Pattern pattern, Pattern anything, List<String> names, Method message,
            boolean shared) {
    }

    /** One refusal read from a message: its wording, what its parameters hold there, and how many "; " they hold. */
    private record Reading(Phrase phrase, List<String> values, int joinsInside) {
    }

    /** The most "; " one refusal of a joined message is read to span (a message read whole as one: any). */
    private static final int MOST_JOINS_INSIDE = 8;

    /**
     * The longest message read with "; " inside a parameter: a name or a few words typed with one. Such a
     * reading tries every wording with open-ended parameters over many splits, which on a long crafted
     * value (a 78,000-character level typed with "; " and the wording's own words) took 1.4 s a page.
     */
    private static final int LONGEST_WITH_JOINS_INSIDE = 2_000;

    private static final List<Phrase> PHRASES = new ArrayList<>();
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)\\}");

    private Refusals() {
    }

    /** The refusal in the page's language; the message itself when it is not a service's wording. */
    @TemplateExtension(namespace = "refusal")
    public static String said(String message) {
        return message == null ? null : find(message).orElse(message);
    }

    /** The refusal in the page's language, if it is one of the services' wordings. */
    public static Optional<String> find(String message) {
        return find(message, false);
    }

    /** {@link #find(String)}; {@code inAnArchive}: inside an archive's line, where a field's words stay the file's. */
    private static Optional<String> find(String message, boolean inAnArchive) {
        List<Reading> read = read(message);
        if (read == null) {
            return Optional.empty();
        }
        List<String> said = new ArrayList<>();
        for (Reading r : read) {
            said.add(say(r, inAnArchive));
        }
        return Optional.of(String.join("; ", said));
    }

    /** Whether the message is one of the services' wordings (or several joined), for the tests. */
    static boolean knows(String message) {
        return read(message) != null;
    }

    /** The English wording of each refusal the message is read as (empty: none), for the tests. */
    static List<String> wordings(String message) {
        List<Reading> read = read(message);
        return read == null ? List.of() : read.stream().map(r -> r.phrase().english()).toList();
    }

    /**
     * The refusals a message is made of, or null when it is not the services' words. "; " both joins
     * refusals (an import line's problems) and may sit inside a parameter (a contact named "Rosa; Ana"),
     * so it is read, in this order: as part of a wording or a join (the whole message as one wording,
     * then each part on its own), and only when that reads nothing, inside a parameter, as few times as
     * any reading needs (then the fewest refusals). The other order would misread joined refusals as
     * one: "'{value}' is not one of {choices}" reads "'a' is not an email address; level 'boss' is not
     * one of …" whole, its value swallowing the first refusal.
     */
    private static List<Reading> read(String message) {
        if (message == null || message.isEmpty()) {
            return null;
        }
        try {
            return read(message, new long[] {READ_BUDGET});
        } catch (Spent e) {
            return null; // shown as it is
        }
    }

    private static List<Reading> read(String message, long[] budget) {
        Reading whole = reading(message, false, budget);
        if (whole != null || !message.contains("; ")) {
            return whole == null ? null : List.of(whole);
        }
        String[] parts = message.split("; ", -1);
        List<Reading> each = new ArrayList<>();
        for (String part : parts) {
            Reading one = reading(part, false, budget);
            if (one == null) {
                return message.length() > LONGEST_WITH_JOINS_INSIDE ? null : joinsInside(parts, budget);
            }
            each.add(one);
        }
        return each;
    }

    /**
     * The parts (the message split at every "; ") read as refusals some of whose parameters hold "; ":
     * the reading with the fewest "; " inside parameters, then the fewest refusals; null for none. One
     * refusal spans at most {@link #MOST_JOINS_INSIDE} joins, or the whole message, so that a long
     * message is not tried every way.
     */
    private static List<Reading> joinsInside(String[] parts, long[] budget) {
        int n = parts.length;
        // best[j]: the best reading of the first j parts
        List<List<Reading>> best = new ArrayList<>(Collections.nCopies(n + 1, (List<Reading>) null));
        int[] inside = new int[n + 1];
        best.set(0, List.of());
        for (int j = 1; j <= n; j++) {
            for (int i = j - 1; i >= 0; i--) {
                if (best.get(i) == null || (j - i > MOST_JOINS_INSIDE + 1 && !(i == 0 && j == n))) {
                    continue;
                }
                Reading r = reading(String.join("; ", Arrays.asList(parts).subList(i, j)), true, budget);
                if (r == null) {
                    continue;
                }
                int joins = inside[i] + r.joinsInside();
                int count = best.get(i).size() + 1;
                if (best.get(j) == null || joins < inside[j] || (joins == inside[j] && count < best.get(j).size())) {
                    List<Reading> reading = new ArrayList<>(best.get(i));
                    reading.add(r);
                    best.set(j, reading);
                    inside[j] = joins;
                }
            }
        }
        return best.get(n);
    }

    /**
     * The first wording of the table the text is, with its parameters; null for none. With {@code
     * joinsInside}, a parameter may hold "; " where no wording reads the text without.
     */
    private static Reading reading(String text, boolean joinsInside, long[] budget) {
        CharSequence counted = new Budgeted(text, budget);
        for (boolean anything : joinsInside ? new boolean[] {false, true} : new boolean[] {false}) {
            for (Phrase p : PHRASES) {
                Matcher m = (anything ? p.anything() : p.pattern()).matcher(counted);
                if (m.matches()) {
                    List<String> values = new ArrayList<>();
                    int joins = 0;
                    for (int i = 1; i <= m.groupCount(); i++) {
                        values.add(m.group(i));
                        joins += m.group(i).split("; ", -1).length - 1;
                    }
                    return new Reading(p, values, joins);
                }
            }
        }
        return null;
    }

    /**
     * How many characters the wordings' patterns may look at to read one message: a few hundred thousand
     * for the services' own words, joined lines included. A wording's open parameters are tried at every
     * place its next words occur, so a value typed to repeat them (an id filter of 8,000 characters, an
     * import's cell, a name) made one page take seconds ("between lines {first} and {last}{rule}": cubic
     * in the value's length). Past the budget the message is shown as it is.
     */
    private static final long READ_BUDGET = 500_000;

    /** The budget spent: no reading. Without a stack trace, as it is not a fault. */
    private static final class Spent extends RuntimeException {
        Spent() {
            super(null, null, false, false);
        }
    }

    /** The text as the patterns read it, each character read counted against the message's budget. */
    private record Budgeted(CharSequence text, long[] left) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Spent();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.subSequence(start, end), left);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The English wordings, for the tests. */
    static List<String> english() {
        return PHRASES.stream().map(Phrase::english).toList();
    }

    /** The message keys the table names (MsgRefusals' own, without the shared Msg ones), for the tests. */
    static List<String> keys() {
        return PHRASES.stream().filter(p -> !p.shared()).map(p -> p.message().getName()).toList();
    }

    /** One refusal in the page's language. */
    private static String say(Reading r, boolean inAnArchive) {
        Phrase p = r.phrase();
        Object[] args = new Object[p.names().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = parameter(p.names().get(i), r.values().get(i), inAnArchive);
        }
        try {
            return (String) p.message().invoke(p.shared() ? PageLanguage.msg() : PageLanguage.refusals(), args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("message " + p.message().getName(), e);
        }
    }

    /**
     * Words of ours inside a refusal (a level, a status, a tie's kind) read as the page writes them; inside an
     * archive's line ({@code inAnArchive}) as the file spells them, the words a restore takes (the walk: a Spanish
     * page listed "cercano, familia…", and an archive edited to say so was refused again).
     */
    private static String parameter(String name, String value, boolean inAnArchive) {
        if (inAnArchive && !name.equals("what") && !name.equals("broken")) {
            return value;
        }
        return switch (name) {
            case "level" -> Labels.word("level", value).toLowerCase(PageLanguage.current());
            case "status" -> Labels.word("follow_up_status", value).toLowerCase(PageLanguage.current());
            case "tieKind" -> Labels.word("tie_kind", value).toLowerCase(PageLanguage.current());
            case "day" -> Labels.day(java.time.LocalDate.parse(value));
            // a query or form word of ours refused: the choices as the page's own lists say them
            case "choices" -> Labels.words(value);
            // the words a file's cell may hold: the import takes the pages' words in either language too
            // (ContactImportService.word), so a Spanish page names its own (the walk: English only)
            case "fileWords" -> Labels.words(value);
            // a refusal inside another (an archive's line, its field's rule)
            case "what", "broken" -> find(value, true).orElse(value);
            // the reason a file could not be read, when it is one of ours (the CSV reader's, said in our words)
            case "reason" -> find(value, false).orElse(value);
            default -> value;
        };
    }

    /**
     * One wording and its message: {@code key} a method of MsgRefusals, or {@code msg.key} one of Msg;
     * the method takes the wording's parameters in the order they first appear.
     */
    private static void phrase(String key, String english) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        StringBuilder anything = new StringBuilder();
        Matcher m = PARAMETER.matcher(english);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(at, m.start())));
            anything.append(Pattern.quote(english.substring(at, m.start())));
            if (names.contains(m.group(1))) {
                throw new IllegalStateException("parameter " + m.group(1) + " twice in " + english);
            }
            names.add(m.group(1));
            regex.append("((?:(?!; ).)*?)");
            // a parameter that ends the wording holds no "; " even so: it would take in whatever follows
            // ("… is not one of {words}; something no service says" read as one refusal)
            anything.append(m.end() == english.length() ? "((?:(?!; ).)*?)" : "(.*?)");
            at = m.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        anything.append(Pattern.quote(english.substring(at)));
        boolean shared = key.startsWith("msg.");
        Class<?> bundle = shared ? Msg.class : MsgRefusals.class;
        Class<?>[] types = new Class<?>[names.size()];
        Arrays.fill(types, String.class);
        try {
            Method message = bundle.getMethod(shared ? key.substring(4) : key, types);
            PHRASES.add(new Phrase(english, Pattern.compile(regex.toString(), Pattern.DOTALL),
                    Pattern.compile(anything.toString(), Pattern.DOTALL), Collections.unmodifiableList(names), message, shared));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no message " + key + " with " + names.size() + " parameters for: " + english, e);
        }
    }

    static {
        phrase("not_one_of", "'{value}' is not one of {choices}");
        phrase("msg.form_fill_in", "must not be empty");
        // ContactFields' rules as a field error names them (someone new at an action's door)
        phrase("msg.form_fill_in", "must not be blank");
        phrase("msg.form_email", "must be a well-formed email address");
        phrase("msg.form_phone", org.groundwork.contact.Phones.NOT_WRITTEN); // the validator's words, so the two cannot drift
        phrase("size_at_most", "size must be between 0 and {max}");
        phrase("at_most_ids", org.groundwork.platform.Ids.AT_MOST_IDS);
        phrase("msg.form_control_characters", "must not contain control characters");
        phrase("at_most_characters", "must be at most {max} characters");
        phrase("msg.form_true_or_false", "must be true or false");
        phrase("role_not_allowed", "Your role does not allow this");
        phrase("changed_meanwhile", "Someone else changed this at the same time; read it again and retry");
        phrase("conflicts_with_stored", "This conflicts with data already stored");
        phrase("path_nul", "The path contains a NUL character (\\u0000)");
        phrase("parameter_name_nul", "A parameter name contains a NUL character (\\u0000)");
        phrase("lone_surrogate", "contains half of a character (a lone UTF-16 surrogate), which cannot be stored");
        phrase("contains_nul", "contains a NUL character (\\u0000), which cannot be stored");
        phrase("not_utf8", "contains bytes that are not UTF-8 text, which cannot be stored");
        phrase("query_nul", "contains a NUL character (\\u0000), which no query parameter may hold");
        phrase("not_a_date", "'{value}' is not a date (YYYY-MM-DD)");
        phrase("msg.form_date_range", "must be between the years 1900 and 2200");
        phrase("msg.form_between", "must be between {min} and {max}");
        phrase("whole_number_between", "must be a whole number between 1 and {max}");
        phrase("not_a_cursor", "is not a cursor this API gave out; start again without it");
        phrase("not_an_id", "'{value}' is not an id");
        phrase("too_many_attempts", "Too many failed attempts; try again in {seconds} seconds");
        phrase("stale", "The resource changed since you read it (If-Match does not match its ETag); read it again and retry");
        phrase("no_contact_in_team", "no contact with that id in your team");
        phrase("no_organizer_in_team", "no organizer with that id in your team");
        phrase("organizer_deactivated", "this organizer's account is deactivated; choose an active organizer");
        phrase("no_organization_in_team", "no organization with that id in your team");
        phrase("no_work_in_team", "no work with that id in your team");
        phrase("no_unit_of_organization", "no unit of this organization with that id in your team");
        phrase("no_unit_of_contacts_organization", "no unit of the contact's organization with that id in your team");
        phrase("contact_not_in_organization", "{name} is not in this organization any more; open the chart again");
        phrase("not_before_from_date", "must not be before from ({from})");
        phrase("msg.form_not_before_from", "must not be before from");
        phrase("period_at_most", "a period is at most {days} days");
        phrase("msg.form_date", "is required (a date, YYYY-MM-DD)");
        phrase("report_whole_team_forbidden", "Only coordinators and admins see the whole team's report");
        phrase("report_other_forbidden", "Only coordinators and admins see another organizer's report");
        phrase("audit_forbidden", "Only the team's admins can read the audit trail");
        phrase("two_factor_already", "Two-factor login is already set up; an admin can reset it");
        phrase("two_factor_start_first", "start the set-up first");
        phrase("two_factor_wrong_code", "is not the code your app shows now; check the phone's clock and try again");
        phrase("two_factor_replaced", "is from a set-up started again since (another tab or window); scan the new QR code below and type its code");
        phrase("two_factor_not_waiting", "This session is not waiting for a code");
        phrase("two_factor_not_right", "is not right; use the six digits your app shows now, or a recovery code");
        phrase("recovery_code_used", "was used already: each recovery code works once; use another, or the six digits your app shows now");
        phrase("code_just_used", org.groundwork.organizer.TwoFactor.JUST_USED);
        phrase("second_factor_first", "Finish logging in with your second factor first");
        phrase("already_set_up", "Groundwork is already set up; log in instead");
        phrase("tokens_most", "You have 100 API tokens, the most one organizer keeps: revoke one you no longer use first");
        phrase("token_from_token", "A token cannot create another token; send your email and password, or create it on the Settings page");
        phrase("one_admin", "A team needs at least one admin; make someone else admin first");
        phrase("not_own_account", "You cannot disable your own account; ask another admin");
        phrase("msg.form_not_current_password", "is not your current password");
        phrase("same_password", "is the password you have now; choose another one");
        phrase("first_password_forbidden", "Only the instance admin can give a restored organizer a first password");
        phrase("has_password", "This organizer has a password already; they change it themselves");
        phrase("wrong_login", "Wrong email or password");
        phrase("email_taken", "An organizer with this email already exists");
        phrase("not_a_time_zone", "'{value}' is not a time zone (use a name like Europe/Berlin)");
        phrase("offset_not_zone", "'{value}' is an offset, not a time zone name; use a name like Europe/Berlin (it also follows daylight saving time)");
        phrase("zone_unknown_to_database", "'{value}' is not a time zone the database knows; use a current name like America/New_York");
        phrase("country_code", "must be a country calling code of 1 to 3 digits, like 1 or 44");
        phrase("no_open_follow_up", "no open follow-up of this contact with that id in your team");
        phrase("follow_up_already", "this follow-up is already {status}");
        phrase("follow_up_date_changed_since", org.groundwork.followup.FollowUpService.DATE_CHANGED_SINCE);
        phrase("organization_busy", org.groundwork.organization.OrganizationService.BUSY);
        phrase("records_busy", org.groundwork.platform.ProblemMapper.RECORDS_BUSY);
        phrase("took_too_long", org.groundwork.platform.ProblemMapper.TOOK_TOO_LONG);
        phrase("import_met_place_change", "An organization this file names was changed (merged, or a unit removed) while the import ran; nothing was imported. Import the file again.");
        phrase("follow_up_before_action", "this follow-up is about an action that began after this conversation; a conversation before it does not complete it");
        phrase("answer_before_action", org.groundwork.followup.FollowUpService.ANSWER_BEFORE_ACTION);
        phrase("answered_before_start", org.groundwork.followup.FollowUpService.ANSWERED_BEFORE_START);
        phrase("msg.form_today_or_later", "must be today or later in the team's time zone");
        phrase("msg.form_within_ten_years", org.groundwork.followup.FollowUpService.WITHIN_TEN_YEARS);
        phrase("msg.form_on_or_after_conversation", "must be on or after the day of the conversation");
        phrase("msg.form_password_guessable", org.groundwork.organizer.Guessable.MESSAGE);
        phrase("queue_forbidden", "Only coordinators and admins see another organizer's queue");
        phrase("after_action_open", "This contact already has an open after-action follow-up");
        phrase("msg.form_past", "must not be in the future");
        phrase("msg.form_past", "must not be more than a day in the future");
        phrase("msg.form_already_at_level", "The contact's level at that time already is {level}");
        phrase("level_changes_later", "The contact's level changes to {level} later anyway, in a change already recorded");
        phrase("level_changed_meanwhile", "Their level was changed to {level} meanwhile (in another tab, or by another organizer); if yours is still right, change it again");
        phrase("level_added_with", "The level a contact was added with is not a change; record a change instead");
        phrase("level_next_unchanged", "The next change, to {level}, would then change nothing; delete that one first");
        phrase("at_most_tags", "at most {max} tags");
        phrase("tie_exists", "These two already have a '{tieKind}' tie");
        phrase("tie_none", "This contact has no such tie with that person");
        phrase("tie_not_theirs", org.groundwork.contact.TieService.NOT_THEIRS);
        phrase("level_change_not_theirs", org.groundwork.contact.ContactService.NOT_THEIR_LEVEL_CHANGE);
        phrase("tie_two_people", "a tie joins two different people");
        phrase("action_no_organizer", "must name at least one organizer who was there");
        phrase("conversation_contact_fixed", "cannot change; log a new conversation with the other contact instead");
        phrase("follow_up_closed", "This follow-up was closed (done or dropped) since the page was drawn; nothing was changed");
        phrase("follow_up_handed_since", org.groundwork.followup.FollowUpService.HANDED_SINCE);
        phrase("follow_up_erased", "This contact was erased; their follow-ups keep no purpose and are not reopened");
        phrase("follow_up_closed_date", "This follow-up is closed (done or dropped): its date is kept as it was; reopen it (status open) to move it");
        phrase("follow_up_person_erased", "This person was erased since the page was drawn, and their follow-ups with them; nothing was changed");
        phrase("attendance_notes_erased", "this contact was erased; their attendance keeps no notes");
        phrase("attendance_person_erased", "this person was erased; they can no longer be checked in");
        phrase("tie_person_erased", org.groundwork.contact.TieService.OTHER_ERASED);
        phrase("named_person_erased", org.groundwork.contact.ContactService.NAMED_ERASED);
        phrase("contact_erased", "This contact was erased; their conversations keep no summary, issues or commitments");
        phrase("contact_gone", org.groundwork.platform.Problems.ERASED);
        phrase("listed_twice", "this contact is already listed at [{index}]");
        phrase("new_listed_twice", "this new person is already listed at [{index}]");
        phrase("body_cut_short", "The request's body did not arrive whole");
        phrase("form_unreadable", "The form's body could not be read (a broken %-escape, a charset this server does not know, an upload cut short, or more than 1,000 fields); nothing was saved");
        phrase("given_more_than_once", "appears more than once; send only one");
        phrase("attendance_too_long", "An attendance list holds at most {max} people; this one has {count}");
        phrase("organizer_id_expected", "must be an organizer id");
        phrase("unit_has_units", "this unit has units inside it, so it cannot sit inside another");
        phrase("unit_removed_too", "that unit is removed too: choose another, or no unit");
        phrase("unit_needs_organization", "a unit needs the contact's organization (organizationId)");
        phrase("unit_inside_itself", "a unit cannot sit inside itself");
        phrase("units_one_level", "units nest one level only: that unit is already inside another");
        phrase("unit_name_taken", "This organization already has a unit named '{name}' there");
        phrase("organization_name_taken", "Your team already has an organization named '{name}'");
        phrase("work_name_taken", "Your team already has a work named '{name}'");
        phrase("merge_forbidden", "Merging organizations is for coordinators and admins");
        phrase("merge_into_itself", "an organization cannot be merged into itself");
        phrase("archive_choose", "choose the archive file (.zip) to restore");
        phrase("restore_forbidden", "Only the instance admin can restore a team from an archive");
        phrase("archive_forbidden", "Only the team's admins can download the team's archive");
        phrase("archive_send_body", "Send the archive (a .zip made by Groundwork) as the body");
        phrase("archive_too_big", "The archive unpacks to more than {max} bytes, the most this instance restores (groundwork.restore.max-unpacked-bytes)");
        phrase("restore_too_long", "The archive takes longer to restore than this instance allows ({limit}, groundwork.restore.timeout); nothing was restored");
        phrase("archive_not_zip", "This is not a Groundwork team archive: not a zip file, or an empty one");
        phrase("archive_first_entry", "This is not a Groundwork team archive: its first entry must be {file}");
        phrase("archive_out_of_order", "The archive is incomplete or out of order: {file} must come next");
        phrase("archive_incomplete", "The archive is incomplete: the zip's closing index (its central directory) is missing or cut short, as in a download that stopped early; download the archive again");
        phrase("archive_too_many_entries", "The archive holds more entries than a Groundwork team archive");
        phrase("archive_unreadable_zip", "The archive is not a readable zip file: {reason}");
        phrase("archive_unreadable", "The archive could not be read: {reason}");
        phrase("archive_entry_name", "The archive has an entry with an unreadable name");
        phrase("manifest_not_manifest", "manifest.json is not a Groundwork archive manifest: {reason}");
        phrase("manifest_format", "manifest.json: format must be \"{format}\"");
        phrase("manifest_version", "manifest.json: format version {version} is not one this Groundwork reads ({oldest} to {newest})");
        phrase("manifest_schema", "manifest.json: schemaVersion is not a schema version");
        phrase("manifest_newer", "manifest.json: the archive was made by a newer Groundwork (schema {theirs}, this one has {ours}); upgrade this instance first");
        phrase("manifest_team_id", "manifest.json: the team's id is missing");
        phrase("manifest_files", "manifest.json: files must list the archive's {n} files");
        phrase("manifest_file", "manifest.json: file {n} must be {file} with its number of rows");
        phrase("manifest_team_row", "manifest.json: team.jsonl holds exactly one row, the team");
        phrase("manifest_too_large", "manifest.json is larger than a manifest can be");
        phrase("archive_rows_count", "{file} holds {n} rows, the manifest says {expected}");
        phrase("archive_rows_more", "{file} holds more rows than the manifest says ({expected})");
        // before archive_line, whose words ("{file} line {line}: {what}") would read it too (the walk: a Spanish
        // page said "The file could not be read as CSV near, línea 2: …")
        phrase("import_not_csv", "The file could not be read as CSV near line {line}: {reason}. Nothing was imported.");
        phrase("import_quote_not_closed", "a quote (\") opens a cell there and is never closed");
        phrase("import_after_closing_quote", "a cell has more after its closing quote (\"); put the whole cell in quotes,"
                + " and write a quote inside it twice (\"\")");
        phrase("archive_line", "{file} line {line}: {what}");
        phrase("archive_line_too_long", "the line is longer than a row can be");
        phrase("archive_line_not_utf8", "is not UTF-8");
        phrase("archive_line_not_object_because", "is not a JSON object: {reason}");
        phrase("archive_line_not_object", "is not a JSON object");
        phrase("archive_unknown_field", "unknown field \"{field}\"");
        phrase("archive_field_missing", "the field \"{field}\" is missing");
        phrase("archive_other_team", "belongs to another team than the manifest's");
        phrase("archive_field_nul", "\"{field}\" holds a NUL character");
        phrase("archive_field_not_words", "\"{field}\" holds something other than words");
        phrase("archive_field_object", "\"{field}\" holds an object");
        phrase("archive_time_zone", "\"time_zone\" is not a time zone name (like Europe/Berlin)");
        phrase("archive_id_not_id", "\"id\" is not an id");
        phrase("archive_zone_name", "is not a time zone name (like Europe/Berlin)");
        phrase("archive_email_twice", "\"email\" is line {first}'s email again: the archive names one organizer's email twice");
        phrase("archive_tag_as_stored", "is not a tag as Groundwork stores it (empty, spaces around it, or given twice)");
        phrase("archive_tie_order", "must be the smaller of the two ids in a tie that goes both ways (swap it with other_contact_id)");
        // SafeJson's words for a time that is not one (an archive's row, a field of the API's)
        phrase("time_expected", "must be a timestamp written ISO-8601, as text (e.g. \"2026-05-01T18:00:00Z\")");
        phrase("date_expected", "must be a date written YYYY-MM-DD, as text (e.g. \"2026-12-07\")");
        // ProblemMapper's words for a value of another JSON type than its field's (an archive's row, read as the API
        // reads a body: the walk's Spanish restore page said "el campo \"tags\": expected list")
        phrase("expected_list", "expected list");
        phrase("expected_text", "expected text");
        phrase("expected_whole_number", "expected whole number");
        phrase("expected_true_or_false", "expected true or false");
        phrase("expected_id", "expected id");
        phrase("expected_object", "expected object ({…})");
        phrase("expected_date", "expected date (YYYY-MM-DD)");
        phrase("expected_time", "expected timestamp (ISO-8601, e.g. 2026-05-01T18:00:00Z)");
        phrase("archive_email_taken", "{where}an organizer's email in the archive already has an account on this instance; nothing was restored");
        phrase("archive_twice", "{where}two of its rows are one row given twice ({rule}): an archive holds each once; nothing was restored");
        phrase("archive_exists", "{where}the archive's team or some of its rows already exist on this instance ({rule}); nothing was restored");
        phrase("archive_row_refused", "{where}the database refuses a row: {reason}");
        phrase("archive_names_missing_row", "{where}a row names a row that is not in the archive ({rule}); nothing was restored");
        phrase("archive_no_admin", "{where}" + org.groundwork.archive.TeamRestore.NO_ADMIN);
        phrase("archive_works_out_of_order", "{where}two works share a name and are not in the order they were made");
        // one of the API's field rules broken by an archive's row (archive/RowRules), after the archive's own
        // refusals of a quoted field: the rule is said as the API's refusal is
        phrase("archive_field_rule", "\"{field}\" {broken}");
        phrase("import_not_utf8", "The file is not UTF-8 text (near line {line}); save it as \"CSV UTF-8\". Nothing was imported.");
        phrase("import_too_many_columns", "The file has {columns} columns, more than the {most} an import reads; keep"
                + " the columns you need and save it again. Nothing was imported.");
        phrase("import_running", "Another import into your team is running; try again when it has finished. Nothing was imported.");
        phrase("import_empty", "The file is empty. Nothing was imported.");
        phrase("import_no_rows", "The file has a header but no rows. Nothing was imported.");
        phrase("import_no_known_column", "No column of the header ({header}) holds a name, an email or a phone that Groundwork recognises; say which column holds what (the column choices on the import page, ?map=Column:field in the API). Nothing was imported.");
        phrase("import_binary", "The file is binary, not CSV text; export it from your spreadsheet as \"CSV UTF-8\". Nothing was imported.");
        phrase("import_refused_rows", "The database refused a row between lines {first} and {last}{rule}; the import stopped and nothing was imported");
        phrase("import_file_gone", "This uploaded file is no longer here (it was imported, dropped, or kept longer than a day); choose the file again.");
        phrase("import_cut_short", "The upload could not be read to its end. Nothing was imported.");
        phrase("import_too_large", "The file is larger than the import limit of {size}; split it into smaller files. Nothing was imported.");
        phrase("import_too_many_rows", "The file has more than {rows} rows, the import limit; split it into smaller files. Nothing was imported.");
        phrase("import_held_too_many", "This import would hold more than {contacts} contacts in memory (your team's with email or phone, and the new ones in the file), more than this server can; import a smaller file, or ask your administrator to give the server more memory. Nothing was imported.");
        phrase("import_busy", "The server is busy with other large imports; try again in a minute. Nothing was imported.");
        phrase("import_map_form", "'{value}' is not Column:field");
        phrase("import_map_no_column", "the file has no column '{column}'");
        phrase("import_map_twice", "the column '{column}' is given two fields; give it one (columns of the same name take the same one)");
        phrase("import_failed_server", "The import failed on the server. Nothing was imported; try again, and tell your admin if it happens again.");
        phrase("import_failed", "The import failed. Nothing was imported.");
        phrase("import_stopped", "The import stopped before it finished: the server running it was stopped or crashed. Nothing of it was saved (an import is saved all at once at its end). Import the file again.");
        // a line's contact fields, checked by the API's own rules (contact/ContactFields): field, rule, the line's value
        phrase("password_changed_meanwhile", "Your password was changed meanwhile; log in again with the new one");
        phrase("row_field_nul", "{field}: contains a NUL character (\\u0000), which cannot be stored");
        // ContactFields' rules (Size, NotBlank, Email) said per field and rule, as an organizer says
        // them; the API keeps the validator's words. A line's own value comes first: the plainer
        // wording without it would match it too
        phrase("row_name_size_value", "fullName: size must be between 0 and {max} ('{value}')");
        phrase("row_name_size", "fullName: size must be between 0 and {max}");
        phrase("row_name_blank_value", "fullName: must not be blank ('{value}')");
        phrase("row_name_blank", "fullName: must not be blank");
        phrase("row_phone_size_value", "phone: size must be between 0 and {max} ('{value}')");
        phrase("row_email_size_value", "email: size must be between 0 and {max} ('{value}')");
        phrase("row_not_email", "email: must be a well-formed email address ('{value}')");
        phrase("row_not_phone", "phone: " + org.groundwork.contact.Phones.NOT_WRITTEN + " ('{value}')");
        // joined after row_not_phone: the line's person imported all the same (importexport/ContactImportService)
        phrase("row_phone_left_out", "the contact was imported without it");
        phrase("row_phone_will_be_left_out", "the contact will be imported without it");
        phrase("row_phone_several", "several contacts have this phone as it is, so the line cannot say which one it"
                + " is: give the email, or correct the phone");
        phrase("row_notes_size", "notes: size must be between 0 and {max}");
        // the tags' rules, as ContactFields says them on a line (the walk: English on a Spanish page)
        phrase("tag_separator", "must not hold a comma or a semicolon: the pages and CSV files separate tags with them");
        phrase("row_tags_many", "tags: at most {max} tags");
        phrase("row_tag_at_long", "tags[{n}]: must be at most {max} characters");
        phrase("row_column_nul", "column {column} contains a NUL character (\\u0000), which cannot be stored");
        phrase("row_nothing", "no name, email or phone");
        phrase("row_cells_beyond", "has {cells} cells where the header has {columns}: a comma outside quotes? Put the cell"
                + " that holds it in quotes");
        phrase("row_name_long", "the name is longer than {max} characters");
        phrase("row_not_email", "'{value}' is not an email address");
        phrase("row_phone_long", "the phone is longer than {max} characters");
        phrase("row_level", "level '{value}' is not one of {fileWords}");
        phrase("row_position", "position '{value}' is not one of {fileWords}");
        phrase("row_notes_long", "the notes are longer than {max} characters");
        phrase("row_do_not_contact", "do not contact '{value}' is not yes or no");
        phrase("row_organization_long", "the organization name is longer than {max} characters");
        phrase("row_unit_long", "the unit name is longer than {max} characters");
        phrase("row_tag_long", "tag '{tag}' is longer than {max} characters");
        phrase("row_tags_many", "more than {max} tags");
        phrase("row_owner_deactivated", "owner '{owner}' is deactivated; the owner was left as it was (you, for a new contact)");
        phrase("row_owner_unknown", "owner '{owner}' is not an organizer of your team; the owner was left as it was (you, for a new contact)");
        phrase("row_unit_without_organization", "unit '{unit}' needs an organization (a workplace or building column); it was left out");
        // a check's (dry run's) words for the same: what the import will do
        phrase("row_owner_deactivated_will", "owner '{owner}' is deactivated; the owner will be left as it is (you, for a new contact)");
        phrase("row_owner_unknown_will", "owner '{owner}' is not an organizer of your team; the owner will be left as it is (you, for a new contact)");
        phrase("row_unit_without_organization_will", "unit '{unit}' needs an organization (a workplace or building column); it will be left out");
        // a line matched by email or phone that names the person otherwise (importexport/ContactImportService.renamed)
        phrase("row_email_renames", "this line's email is {stored}'s, who will be renamed '{name}'; leave the line out if it is someone else");
        phrase("row_phone_renames", "this line's phone is {stored}'s, who will be renamed '{name}'; leave the line out if it is someone else");
        phrase("row_email_renamed", "this line's email was {stored}'s, who was renamed '{name}'");
        phrase("row_phone_renamed", "this line's phone was {stored}'s, who was renamed '{name}'");
        // the same line when matched people are left as they are (onMatch=skip)
        phrase("row_email_skips", "this line's email is {stored}'s, who is left as they are; '{name}' will be left out with the line");
        phrase("row_phone_skips", "this line's phone is {stored}'s, who is left as they are; '{name}' will be left out with the line");
        phrase("row_email_skipped", "this line's email was {stored}'s, who was left as they were; '{name}' was left out with the line");
        phrase("row_phone_skipped", "this line's phone was {stored}'s, who was left as they were; '{name}' was left out with the line");
        // a phone several contacts share (a household's): the line's name decides, and says when it is none of them
        phrase("row_phone_shared_no_name", "several contacts share this phone, so a line without a name cannot say which one"
                + " it is: give the name or the email");
        phrase("row_phone_shared_new_will", "this line's phone is shared by several contacts, none of them '{name}'; they will be added as a new contact");
        phrase("row_phone_shared_new", "this line's phone is shared by several contacts, none of them '{name}'; they were added as a new contact");
    }
}
