package org.groundwork.importexport;

import org.groundwork.organization.OrganizationKind;
import org.groundwork.platform.Problems;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a file feeds which field: detected from the header (Action Network people
 * exports, Google Contacts exports, plain sheets), overridden column by column by an explicit
 * mapping. Columns that feed nothing are reported, never dropped without a word.
 */
final class HeaderMapping {

    /** Normalized header name (see {@link Field#normalize}) to field. */
    private static final Map<String, Field> KNOWN = new HashMap<>();
    /**
     * Organization headers that say the kind of place: a Workplace column makes workplaces, a Building one buildings
     * (before the block below, which fills it).
     */
    private static final Map<String, OrganizationKind> KINDS = new HashMap<>();

    static {
        known(Field.FULL_NAME, "name", "full name", "fullname", "display name", "contact name");
        known(Field.FIRST_NAME, "first_name", "first name", "first", "given name", "firstname");
        known(Field.MIDDLE_NAME, "middle_name", "middle name", "middle", "additional name");
        known(Field.LAST_NAME, "last_name", "last name", "last", "family name", "surname", "lastname");
        known(Field.EMAIL, "email", "e-mail", "email address", "e-mail address", "E-mail 1 - Value",
                "Email 1 - Value");
        known(Field.PHONE, "phone", "mobile", "cell", "phone number", "mobile phone", "cell phone", "telephone",
                "can2_phone", "Phone 1 - Value", "mobile_number", "phone_number");
        known(Field.ORGANIZATION, "organization", "organisation", "Organization Name", "Organization 1 - Name");
        kind(OrganizationKind.WORKPLACE, "workplace", "employer", "company");
        kind(OrganizationKind.BUILDING, "building");
        known(Field.UNIT, "unit", "department", "dept", "floor", "shift", "area");
        known(Field.POSITION, "position", "role");
        known(Field.LEVEL, "level", "engagement", "engagement level", "engagement_level");
        known(Field.TAGS, "tags", "tag", "labels", "Group Membership", "can2_user_tags");
        known(Field.NOTES, "notes", "note", "comments");
        known(Field.NOTE, "zip_code", "zip", "postal code", "postcode", "Address 1 - Postal Code");
        known(Field.OWNER, "owner", "owner email", "organizer");
        known(Field.DO_NOT_CONTACT, "do not contact", "do_not_contact", "donotcontact");
        // a sheet kept in Spanish (accents aside: "Teléfono" is "telefono"); "puesto" is left out on
        // purpose, it is a job title far more often than a position in the organization's sense
        known(Field.FULL_NAME, "nombre", "nombre completo", "nombre y apellidos");
        known(Field.FIRST_NAME, "nombre de pila");
        known(Field.LAST_NAME, "apellido", "apellidos", "primer apellido", "apellido 1", "segundo apellido",
                "apellido 2");
        known(Field.EMAIL, "correo", "correo electrónico", "mail");
        known(Field.PHONE, "teléfono", "tel", "móvil", "celular", "número de teléfono", "teléfono móvil", "whatsapp");
        known(Field.ORGANIZATION, "organización");
        kind(OrganizationKind.WORKPLACE, "empresa", "centro de trabajo", "lugar de trabajo");
        kind(OrganizationKind.BUILDING, "edificio");
        known(Field.UNIT, "unidad", "departamento", "planta", "piso", "turno", "área", "sección");
        known(Field.POSITION, "posición", "rol");
        known(Field.LEVEL, "nivel", "nivel de compromiso", "nivel de implicación", "compromiso", "implicación");
        known(Field.TAGS, "etiquetas", "etiqueta");
        known(Field.NOTES, "notas", "nota", "comentarios", "observaciones");
        known(Field.NOTE, "código postal", "cp");
        known(Field.OWNER, "responsable", "organizador", "organizadora");
        known(Field.DO_NOT_CONTACT, "no contactar", "no llamar");
    }

    /**
     * A Spanish name's second surname in a column of its own: a last-name column beside the first
     * (joined after it), where any other second last-name column ("Last name" beside "Surname")
     * feeds nothing, so no surname is said twice.
     */
    private static final Set<String> SECOND_SURNAME = Set.of("segundoapellido", "apellido2");

    /** Headers that say "name" but, beside a surname column and no first-name one, mean the first name. */
    private static final Set<String> FIRST_OR_FULL = Set.of("name", "nombre");

    private static void kind(OrganizationKind kind, String... headers) {
        known(Field.ORGANIZATION, headers);
        for (String h : headers) {
            KINDS.put(Field.normalize(h), kind);
        }
    }

    /** The kind of the organizations an organization column of this header makes: Other unless the header says. */
    static OrganizationKind organizationKind(String header) {
        return KINDS.getOrDefault(Field.normalize(header), OrganizationKind.OTHER);
    }

    private static void known(Field field, String... headers) {
        for (String h : headers) {
            KNOWN.put(Field.normalize(h), field);
        }
    }

    final List<String> headers;
    /** For each column, its field, or null when it feeds nothing. */
    final Field[] fields;
    private final Map<Field, List<Integer>> columns = new EnumMap<>(Field.class);

    private HeaderMapping(List<String> headers, Field[] fields) {
        this.headers = headers;
        this.fields = fields;
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                columns.computeIfAbsent(fields[i], f -> new ArrayList<>()).add(i);
            }
        }
    }

    /**
     * The mapping of this header. Overrides are "Column:field" (the column named as in the
     * header, compared like headers are; the field one of {@link Field#words()}); the last
     * colon separates them, so column names may hold colons. A column named again with another
     * field is refused, never decided by the order of the parameters.
     */
    static HeaderMapping of(List<String> headers, List<String> overrides) {
        Map<String, Field> explicit = new HashMap<>();
        for (String o : overrides == null ? List.<String>of() : overrides) {
            int colon = o == null ? -1 : o.lastIndexOf(':');
            if (colon <= 0) {
                throw Problems.invalid("map", "'" + o + "' is not Column:field");
            }
            Field field = Field.byWord(o.substring(colon + 1));
            if (field == null) {
                throw Problems.invalid("map", "'" + o.substring(colon + 1).trim() + "' is not one of " + Field.words());
            }
            String column = Field.normalize(o.substring(0, colon));
            if (headers.stream().noneMatch(h -> Field.normalize(h).equals(column))) {
                throw Problems.invalid("map", "the file has no column '" + o.substring(0, colon).trim() + "'");
            }
            Field before = explicit.putIfAbsent(column, field);
            if (before != null && before != field) {
                // the last one won without a word; a column (and every column of its name) feeds one field
                throw Problems.invalid("map", "the column '" + o.substring(0, colon).trim()
                        + "' is given two fields; give it one (columns of the same name take the same one)");
            }
        }
        Field[] fields = new Field[headers.size()];
        // explicit choices first, so a detected column cannot take a field the client gave to another
        for (int i = 0; i < headers.size(); i++) {
            fields[i] = explicit.get(Field.normalize(headers.get(i)));
        }
        for (int i = 0; i < headers.size(); i++) {
            String normalized = Field.normalize(headers.get(i));
            if (fields[i] != null || explicit.containsKey(normalized)) {
                continue;
            }
            Field detected = KNOWN.get(normalized);
            if (detected != null && (detected.many || !taken(fields, detected)
                    || (detected == Field.LAST_NAME && SECOND_SURNAME.contains(normalized)))) {
                fields[i] = detected;
            }
        }
        // "Nombre,Apellidos" (or "Name,Surname"): the name column holds the first name only, and read as
        // the full name it would drop every surname
        if (!taken(fields, Field.FIRST_NAME) && taken(fields, Field.LAST_NAME)) {
            for (int i = 0; i < headers.size(); i++) {
                String normalized = Field.normalize(headers.get(i));
                if (fields[i] == Field.FULL_NAME && !explicit.containsKey(normalized) && FIRST_OR_FULL.contains(normalized)) {
                    fields[i] = Field.FIRST_NAME;
                }
            }
        }
        return new HeaderMapping(List.copyOf(headers), fields);
    }

    private static boolean taken(Field[] fields, Field field) {
        for (Field f : fields) {
            if (f == field) {
                return true;
            }
        }
        return false;
    }

    boolean maps(Field field) {
        return columns.containsKey(field);
    }

    /** True when at least one column feeds a field that can identify a person. */
    boolean identifiesPeople() {
        return maps(Field.FULL_NAME) || maps(Field.FIRST_NAME) || maps(Field.LAST_NAME) || maps(Field.EMAIL)
                || maps(Field.PHONE);
    }

    /** The header of the first column feeding this field (null when none does). */
    String header(Field field) {
        List<Integer> c = columns(field);
        return c.isEmpty() ? null : headers.get(c.get(0));
    }

    List<Integer> columns(Field field) {
        return columns.getOrDefault(field, List.of());
    }

    List<String> unmapped() {
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                unmapped.add(headers.get(i));
            }
        }
        return unmapped;
    }

    /** Column name to field word, in file order, for the answer (the UI's preview shows it). */
    Map<String, String> described() {
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null && fields[i] != Field.IGNORE) {
                d.putIfAbsent(headers.get(i), fields[i].word);
            }
        }
        return d;
    }
}
