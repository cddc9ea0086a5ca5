package org.groundwork.contact;

import org.groundwork.contact.ContactJson.Filter;
import org.groundwork.organization.Organization;
import org.groundwork.organizer.Organizer;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;
import org.groundwork.platform.TeamScoped;
import org.groundwork.platform.Text;
import org.groundwork.platform.Word;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.groundwork.organization.OrganizationService.likeEscaped;
import static org.groundwork.platform.Text.blankToNull;

/**
 * Which of a team's live contacts a list, a search or an export asks for: the one copy of the
 * contact filters and of the SQL they become. The contact list (API and page), its search
 * ({@code q=}) and the CSV export all read through here, so a filter added here works in the three.
 * <p>
 * {@code q=} is a part of the name or the email (ILIKE, its wildcards escaped) or a run of the
 * phone's digits ({@code phone_digits}, V18_1): conditions the trigram indexes of V18_1 answer,
 * and under row-level security only because LIKE and ILIKE are LEAKPROOF
 * ({@code ContactSearchTest} checks this very statement's plan). Tags use the GIN index.
 */
public record ContactQuery(Level level, Position position, UUID owner, UUID organization, String tag, String q) {

    public static final ContactQuery ALL = new ContactQuery(null, null, null, null, null, null);

    /**
     * The longest search the pages take (trimmed): the contacts list, the check-in door and a tie's
     * search. Their search boxes carry it as their {@code maxlength}, so a long paste is cut where the
     * server would refuse it, well before the address limit (a GET of more than 8,192 characters is
     * a 414, and htmx put that error page in the page's main part). The API's {@code q=} is not
     * held to it (ContactSearchTest): only the address limit bounds it there.
     */
    public static final int Q_MAX = 200;

    /** The filters as a client sent them, each checked: a bad one is a 400 naming its parameter. */
    public static ContactQuery of(Filter filter) {
        return new ContactQuery(
                Word.parse(Level.class, blankToNull(filter.level()), "level"),
                Word.parse(Position.class, blankToNull(filter.position()), "position"),
                Ids.filter(filter.owner(), "owner"),
                Ids.filter(filter.organization(), "organization"),
                blankToNull(filter.tag()),
                words(filter.q()));
    }

    /** Words typed to search, trimmed; only spaces or what shows nothing is a blank box: no search. */
    private static String words(String q) {
        return Text.showsNothing(q) ? null : q.trim();
    }

    /** A page's search as typed, trimmed; blank is none, longer than {@link #Q_MAX} a 400 naming {@code q}. */
    public static String search(String q) {
        String typed = words(q);
        if (typed != null && Text.characters(typed) > Q_MAX) {
            throw Problems.invalid("q", "must be at most " + Q_MAX + " characters");
        }
        return typed;
    }

    /**
     * This query, once its owner and organization are checked to be rows of the current team
     * (a 400 naming the parameter otherwise, {@link TeamScoped#filter}): the list and the export
     * ask it before they read.
     */
    public ContactQuery ofThisTeam() {
        TeamScoped.filter(Organizer.class, owner, "owner", "organizer");
        TeamScoped.filter(Organization.class, organization, "organization", "organization");
        return this;
    }

    /** One contact as the query reads it, by column name. */
    public record Row(UUID id, String fullName, String phone, String email, UUID organizationId,
                      String organizationName, UUID unitId, String unitPath, Position position, Level level,
                      UUID ownerId, String ownerEmail, List<String> tags, boolean doNotContact, String notes,
                      Instant lastConversationAt, Instant createdAt, Instant updatedAt) {
    }

    /** A statement with its parameters in order, as JDBC takes them. */
    record Statement(String sql, List<Object> parameters) {
    }

    /**
     * The columns every reader gets: the organization's name for the list, the unit as the import
     * reads it back ("Building A › Floor 3") and the owner's email for the export. Each join is
     * by primary key, for at most a page of rows.
     */
    private static final String SELECT = """
            select c.id, c.full_name, c.phone, c.email, c.organization_id, o.name as organization_name,
                   c.unit_id, coalesce(up.name || ' › ', '') || u.name as unit_path, c.position,
                   c.engagement_level, c.owner_id, og.email as owner_email, c.tags, c.do_not_contact, c.notes,
                   c.last_conversation_at, c.created_at, c.updated_at
            from contact c
            left join organization o on o.id = c.organization_id and o.team_id = c.team_id
            left join unit u on u.id = c.unit_id and u.team_id = c.team_id
            left join unit up on up.id = u.parent_id and up.team_id = u.team_id
            left join organizer og on og.id = c.owner_id and og.team_id = c.team_id
            where c.team_id = ? and c.erased_at is null""";

    /**
     * The team's matching contacts after the id {@code after} (null: from the first), in id order.
     * {@code callingCode}: the team's country's ('1'), so "+1 718 555 0103" finds "(718) 555-0103".
     */
    Statement statement(UUID team, String callingCode, UUID after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> parameters = new ArrayList<>();
        parameters.add(team);
        if (after != null) {
            sql.append(" and c.id > ?");
            parameters.add(after);
        }
        if (level != null) {
            sql.append(" and c.engagement_level = ?");
            parameters.add(level.word());
        }
        if (position != null) {
            sql.append(" and c.position = ?");
            parameters.add(position.word());
        }
        if (owner != null) {
            sql.append(" and c.owner_id = ?");
            parameters.add(owner);
        }
        if (organization != null) {
            sql.append(" and c.organization_id = ?");
            parameters.add(organization);
        }
        if (tag != null) {
            sql.append(" and c.tags @> array[cast(? as text)]");
            parameters.add(tag);
        }
        // read as names are stored (ContactFields.storedName): "Sarah  O'Connor", or a no-break space pasted, finds
        // "Sarah O'Connor"
        String clean = q == null ? null : Text.placeName(q);
        String text = q == null ? null : folded(clean == null ? q : clean);
        if (q != null && !q.isBlank() && (clean == null || text.codePoints().noneMatch(ContactQuery::letterOrDigit))) {
            // words that show nothing, or have no letter or digit, find no one: an accent alone, its accent stripped
            // for the search, found everyone (the walk), "'" without its apostrophe was "%%", and "." listed everyone
            // with a dot in their email (the next walk)
            sql.append(" and false");
        } else if (q != null) {
            String digits = text.replaceAll("[^0-9]", "");
            String like = "%" + likeEscaped(text) + "%";
            // the name as gw_name_letters reads it, the words typed alike (V28_14, V28_24, V28_25): no accents,
            // spaces or punctuation, in its compatibility form; "nunez" finds Núñez, "o connor" O'Connor
            sql.append(" and (c.name_unaccented ilike " + NAME_PATTERN + " escape '\\' or c.email ilike ? escape '\\'");
            parameters.add(text);
            parameters.add(like);
            if (!digits.isEmpty() && text.length() <= LONGEST_PHONE && phoneShaped(text)) {
                sql.append(" or c.phone_digits like ?");
                parameters.add("%" + digits + "%");
                String national = nationalDigits(q, callingCode);
                if (national != null && !national.equals(digits)) {
                    sql.append(" or c.phone_digits like ?");
                    parameters.add("%" + national + "%");
                }
            }
            sql.append(")");
        }
        sql.append(" order by c.id limit ?");
        parameters.add(limit);
        return new Statement(sql.toString(), parameters);
    }

    private static final int SHORTEST_NATIONAL = 4;
    /**
     * A query searched as a phone number too: digits and what people type between them (a pasted dash of
     * any kind too), perhaps an extension as Phones takes one ("x12", "ext 12", "#12"). A query with
     * letters in it ("jsmith2@gmail.com", "Apt 4B", "Rosa 3") searched every phone for its digits, so
     * an email found a page of strangers with a 2 in their number, and the list's CSV download with them.
     * Possessive ({@code ++}), and only for a query of a phone's length: with a plain {@code +} a run of
     * spaces before a letter was tried split by split, cubic in its length (27 s at 1,600 characters).
     */
    private static final java.util.regex.Pattern PHONE_SHAPED = java.util.regex.Pattern.compile(
            "([+0-9\\s().\\-/\\p{Pd}]++)((?i:\\s*,?\\s*(?:x|ext\\.?|extension|#|,+|;ext=)\\s*[0-9]+))?");

    /**
     * {@link #PHONE_SHAPED}; with an extension, a number of at least three digits before it, as a phone is
     * written (Phones): "3 x 4", a size or a sum, searched every phone for "34". Digits alone ("55") are
     * still searched in phones, as part of a number.
     */
    private static boolean phoneShaped(String text) {
        java.util.regex.Matcher m = PHONE_SHAPED.matcher(text);
        return m.matches() && (m.group(2) == null || m.group(1).chars().filter(c -> c >= '0' && c <= '9').count() >= 3);
    }
    /** Longer than any phone number with its extension: no need to look at its shape. */
    private static final int LONGEST_PHONE = 60;

    /**
     * A number typed the international way ("+1 718 555 0103", "0044 20 …") as the team's own
     * numbers are stored when written without the code: its digits by the matching rule
     * ({@link Phones#key}), which the duplicate check at the door already used. Only for those
     * forms: a national "0103" must not widen into "103".
     */
    static String nationalDigits(String q, String callingCode) {
        String typed = q.trim();
        if (callingCode == null || !(typed.startsWith("+") || typed.startsWith("00"))) {
            return null;
        }
        String key = Phones.key(typed, callingCode);
        // "+1" or "+10" is the code and next to nothing of a number ("0" would match every phone with a
        // zero): the plain digits are searched then, as for any short run
        return key == null || key.length() < SHORTEST_NATIONAL || key.startsWith("+") ? null : key;
    }

    /**
     * At most {@code limit} of the team's matching contacts after the id {@code after} (null: from
     * the first), in id order, read on the connection given (the caller's transaction, or a
     * connection borrowed for one page of an export).
     */
    public List<Row> page(Connection conn, UUID team, String callingCode, UUID after, int limit) throws SQLException {
        Statement statement = statement(team, callingCode, after, limit);
        try (PreparedStatement ps = conn.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                ps.setObject(i + 1, statement.parameters().get(i));
            }
            List<Row> rows = new ArrayList<>(Math.min(limit, 1000));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("full_name"), rs.getString("phone"),
                rs.getString("email"), rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
                rs.getObject("unit_id", UUID.class), rs.getString("unit_path"),
                Word.parse(Position.class, rs.getString("position"), "position"),
                Word.parse(Level.class, rs.getString("engagement_level"), "level"),
                rs.getObject("owner_id", UUID.class), rs.getString("owner_email"), tags(rs.getArray("tags")),
                rs.getBoolean("do_not_contact"), rs.getString("notes"), instant(rs, "last_conversation_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /**
     * Words typed to find a name, as the LIKE pattern compares them (after likeEscaped): NFKC,
     * because unaccent (V28_14) reads a full-width ％, ＿ or ＼ as %, _ or \, which would then be
     * wildcards. Case is left to PostgreSQL (ILIKE and lower() fold the words and the stored name
     * alike, platform/Folding): Java's toLowerCase made "ΟΔΟΣ" "οδος", which finds no "ΟΔΟΣ".
     */
    static String typed(String words) {
        // read as names are stored (ContactFields.storedName): "Sarah  O'Connor", or a no-break space pasted, finds
        // "Sarah O'Connor"; words made only of what shows nothing stay as typed
        String clean = Text.placeName(words);
        return folded(clean == null ? words : clean);
    }

    /**
     * The LIKE pattern the searched name is compared with, made of the typed words (one parameter, {@link #typed}):
     * their name as stored in name_unaccented (gw_name_letters, V28_24 and V28_25), its wildcards and escape character escaped
     * after that, in the statement. Escaped before, in Java, a character unaccent turns into a backslash (∖, U+2216)
     * made a typed % or _ a wildcard again (a review). ContactService.sameName uses it too.
     */
    public static final String NAME_PATTERN = "('%' || replace(replace(replace(gw_name_letters(?), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')";

    /**
     * A letter or digit that names are searched by: a modifier letter (ʼ ʻ, which unaccent makes an apostrophe that
     * gw_name_letters leaves out) is not one, or "ʼ" alone searched "%%", everyone (a review).
     */
    private static boolean letterOrDigit(int c) {
        return Character.isLetterOrDigit(c) && Character.getType(c) != Character.MODIFIER_LETTER;
    }

    /** {@link #typed} once the words are read as names are stored. */
    private static String folded(String words) {
        return java.text.Normalizer.normalize(words, java.text.Normalizer.Form.NFKC);
    }
}
