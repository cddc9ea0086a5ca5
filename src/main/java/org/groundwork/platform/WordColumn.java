package org.groundwork.platform;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link Word} enum as its word; each enum declares a one-line subclass. */
public abstract class WordColumn<E extends Enum<E> & Word> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WordColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.word();
    }

    @Override
    public E convertToEntityAttribute(String word) {
        if (word == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equals(word)) {
                return constant;
            }
        }
        throw new IllegalStateException("Unknown " + type.getSimpleName() + " in database: " + word);
    }
}
