package org.groundwork.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.UUIDDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.function.Predicate;

/**
 * What the JSON door refuses before anything reaches a service, once for every field of every
 * body: text holding a NUL character (PostgreSQL cannot store it), dates and timestamps that
 * are not ISO-8601 text (a number would be read as an epoch day or second) or fall outside
 * {@link Dates}' range, and a value of another type than the field's, which Jackson would convert:
 * any non-zero number read as true ({@code "firstTime": 20261110} checked a person in as a
 * first-timer), 30.7 minutes stored as 30, a number read as the enum constant in that place, a number
 * or true stored as text. Each refusal names its field through {@link ProblemMapper#fromJackson}.
 */
@Singleton
public class SafeJson implements ObjectMapperCustomizer {

    /** A value Jackson could read but Groundwork refuses; its message is the field's message. */
    public static class Refused extends MismatchedInputException {
        Refused(JsonParser p, String message) {
            // a MismatchedInputException, because that is what quarkus-rest hands to the mapper
            super(p, message, (Class<?>) null);
        }
    }

    /** The most characters one JSON text may have (Jackson's own bound is 20,000,000): far over any field's @Size. */
    public static final int LONGEST_TEXT = 200_000;
    public static final String TOO_LONG = "is too long to read (over 200,000 characters)";
    /**
     * Jackson's own bounds on the rest (its defaults), set here so the words that say them (ProblemMapper) cannot
     * drift from them in an upgrade.
     */
    public static final int LONGEST_NUMBER = 1_000;
    public static final String NUMBER_TOO_LONG = "is too long to read (over 1,000 digits)";
    public static final int DEEPEST = 1_000;
    public static final String TOO_DEEP = "The body nests lists or objects more than 1,000 deep";
    public static final int LONGEST_NAME = 50_000;
    public static final String NAME_TOO_LONG = "A field name in the body is too long to read (over 50,000 characters)";

    @Override
    public int priority() {
        // after Quarkus' own customizer, which registers the java.time module
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("groundwork-safe-input");
        module.addDeserializer(String.class, new Text());
        // the shapes as well: Jackson's own readers take "1700000000" as seconds since 1970 for a
        // timestamp and "2026-12-30T10:00" as a date, dropping the time
        module.addDeserializer(LocalDate.class, new InRange<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                Dates::sane, Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}"), "must be a date written YYYY-MM-DD, as text (e.g. \"2026-12-07\")",
                UnaryOperator.identity()));
        // a timestamp as PostgreSQL keeps it, to the microsecond: finer digits made every PATCH that sent
        // the same time again a change (audited, a new version and ETag) of a value the database had not kept
        module.addDeserializer(Instant.class, new InRange<>(Instant.class, InstantDeserializer.INSTANT,
                Dates::sane, Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}T.+"),
                "must be a timestamp written ISO-8601, as text (e.g. \"2026-05-01T18:00:00Z\")",
                at -> at.truncatedTo(ChronoUnit.MICROS)));
        // and written as it is stored (Dates.asStored), in a write's answer as in the next read's
        module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant at, JsonGenerator json, SerializerProvider provider) throws IOException {
                InstantSerializer.INSTANCE.serialize(Dates.asStored(at), json, provider);
            }
        });
        // an id only as written, like a word below: Jackson's reader trims, so " <id> " was read as the id
        module.addDeserializer(UUID.class, new ExactId());
        // an enum word only as written: Jackson's reader trims, so "cadre " was read as cadre
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return Word.class.isAssignableFrom(type.getRawClass())
                        ? new ExactWord(type.getRawClass(), deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
        // no field holds more than 20,000 characters: a longer text is refused while it is read,
        // said as too long (ProblemMapper), not held whole in memory to be refused by its @Size afterwards
        mapper.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxStringLength(LONGEST_TEXT).maxNumberLength(LONGEST_NUMBER).maxNestingDepth(DEEPEST)
                .maxNameLength(LONGEST_NAME).build());
        // {"durationMinutes":5,"durationMinutes":500}: Jackson keeps the last and drops the first unseen;
        // refused instead, like a field the request does not have
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // a value of another type is refused, never converted: 30.7 minutes were stored as 30, a channel
        // sent as a number was read as the channel in that place of the list, 123 where text goes was
        // stored as "123", any non-zero number was read as true, and "" was read as null
        // ("politicalDiscussion": "" was stored as false)
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // an id given as "" is no id, not none: "organizationId": "" had cleared the organization, where
        // null (or leaving the field out) says none
        mapper.coercionConfigFor(UUID.class).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // "channel": "1" is read as an index like 1 unless this is on
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // {...}{...}: the second object was dropped unseen
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    public static final String NUL_MESSAGE = "contains a NUL character (\\u0000), which cannot be stored";

    /**
     * A page's form field sent in bytes that are not UTF-8 ({@code %C3%28}), which its parser would have
     * stored as U+FFFD (web/FormBytes). A JSON body's are refused by Jackson as "not valid JSON".
     */
    public static final String NOT_UTF8_MESSAGE = "contains bytes that are not UTF-8 text, which cannot be stored";

    /** The same NUL in a query parameter (a search, a date, a page's cursor): nothing is stored from it. */
    public static final String NUL_IN_QUERY_MESSAGE = "contains a NUL character (\\u0000), which no query parameter may hold";

    /**
     * Half of a UTF-16 pair without the other ("\\ud800" in JSON): the database's UTF-8 cannot hold
     * it, and the driver stored it as "?" while the answer showed it as sent.
     */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static final String LONE_SURROGATE_MESSAGE = "contains half of a character (a lone UTF-16 surrogate), which cannot be stored";

    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (hasNul(value)) {
                throw new Refused(p, NUL_MESSAGE);
            }
            if (value != null && hasLoneSurrogate(value)) {
                throw new Refused(p, LONE_SURROGATE_MESSAGE);
            }
            return value;
        }

        /**
         * A null where text goes: in a list ("tags": [null]) it is refused, as no text a client means to
         * send (it had been dropped without a word); a field's null stays what it says, none.
         */
        @Override
        public String getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            // asked for a field left out too, with the parser past its object (so maybe in a list): only a
            // null written in a list is refused
            JsonParser p = ctxt.getParser();
            if (p != null && p.hasToken(JsonToken.VALUE_NULL) && p.getParsingContext().inArray()) {
                throw new Refused(p, NULL_IN_LIST_MESSAGE);
            }
            return null;
        }
    }

    static final String NULL_IN_LIST_MESSAGE = "expected text, not null";

    /**
     * An enum word exactly as written: anything else is the unknown word it is (ProblemMapper says the
     * words there are). Other tokens (a number) are left to Jackson's own reader, which refuses them.
     */
    static final class ExactWord extends StdScalarDeserializer<Object> {
        private final JsonDeserializer<?> jackson;

        ExactWord(Class<?> type, JsonDeserializer<?> jackson) {
            super(type);
            this.jackson = jackson;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return jackson.deserialize(p, ctxt);
            }
            String text = p.getText();
            Object constant = Word.exact(handledType(), text);
            if (constant == null) {
                throw ctxt.weirdStringException(text, handledType(), "not one of the words");
            }
            return constant;
        }
    }

    /** An id as written: spaces around it are refused; the rest is Jackson's reading (and its "" refusal, above). */
    static final class ExactId extends StdScalarDeserializer<UUID> {
        private static final UUIDDeserializer JACKSON = new UUIDDeserializer();

        ExactId() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && !p.getText().equals(p.getText().strip())) {
                throw ctxt.weirdStringException(p.getText(), UUID.class, "an id has no spaces around it");
            }
            return JACKSON.deserialize(p, ctxt);
        }
    }

    /** A date or timestamp: only as ISO-8601 text, and only within {@link Dates}' years. */
    static final class InRange<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> iso;
        private final Predicate<T> sane;
        private final Pattern shape;
        private final String expected;
        private final UnaryOperator<T> stored;

        InRange(Class<T> type, JsonDeserializer<T> iso, Predicate<T> sane, Pattern shape, String expected,
                UnaryOperator<T> stored) {
            super(type);
            this.iso = iso;
            this.sane = sane;
            this.shape = shape;
            this.expected = expected;
            this.stored = stored;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            requireText(p, expected);
            // "" or only spaces or control characters is no time, not none: Jackson's reader took it as null, and an
            // optional time (a conversation's occurredAt, a level change's changedAt) was stored as now; null (or
            // leaving the field out) says none
            String text = p.getText().trim();
            if (!shape.matcher(text).matches()) {
                throw new Refused(p, expected);
            }
            T value = iso.deserialize(p, ctxt);
            if (value != null && !sane.test(value)) {
                throw new Refused(p, Dates.OUT_OF_RANGE);
            }
            return value == null ? null : stored.apply(value);
        }
    }

    private static void requireText(JsonParser p, String message) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new Refused(p, message);
        }
        if (hasNul(p.getText())) {
            throw new Refused(p, NUL_MESSAGE);
        }
    }
}
