package org.groundwork.audit;

import org.hibernate.Hibernate;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * An entity's fields as they were before a change, kept to name afterwards the ones the change
 * really changed ({@link Audit#changed(AuditKind, AuditEntity, java.util.UUID, Before)}). The one
 * place the trail tells a change from a field sent as it already was: a page sends its whole
 * form, an API client may send a field unchanged, and neither is a change.
 * <p>
 * The fields compared are the change type's record components (the names the API gives them)
 * that the entity has as fields, plus those the service reads itself ({@link #and}, for what is
 * kept outside the entity's row). So a name the change type does not have never gets into the
 * trail, and a field the change moved without being sent (a contact's unit, left when the
 * organization changes) is named too. Values are compared here and never stored.
 */
public final class Before {

    private final Object entity;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, Supplier<?>> read = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Before(Object entity) {
        this.entity = entity;
    }

    /** The entity now, in the fields {@code change} names; taken before the change is applied. */
    static Before of(Object entity, Class<? extends Record> change) {
        Object row = Hibernate.unproxy(entity);
        Before before = new Before(row);
        for (RecordComponent component : change.getRecordComponents()) {
            Field field = field(row.getClass(), component.getName());
            if (field != null) {
                before.fields.put(component.getName(), field);
                before.values.put(component.getName(), copy(before.get(field)));
            }
        }
        return before;
    }

    /**
     * A field of the change type kept outside the entity's row (an action's organizers, in a link
     * table), read by the service now and again after the change.
     */
    public Before and(String name, Supplier<?> value) {
        read.put(name, value);
        values.put(name, copy(value.get()));
        return this;
    }

    /** The names of the fields whose value now differs from the one kept, sorted. */
    public List<String> changed() {
        TreeSet<String> changed = new TreeSet<>();
        fields.forEach((name, field) -> {
            if (!Objects.deepEquals(values.get(name), get(field))) {
                changed.add(name);
            }
        });
        read.forEach((name, value) -> {
            if (!Objects.deepEquals(values.get(name), value.get())) {
                changed.add(name);
            }
        });
        return new ArrayList<>(changed);
    }

    private Object get(Field field) {
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("reading " + field, e);
        }
    }

    /** The instance field of that name on the entity's class or a superclass; null when it has none. */
    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    return null;
                }
                if (!f.trySetAccessible()) {
                    // never quietly left out of the comparison: its changes would go unrecorded
                    throw new IllegalStateException("the audit cannot read " + f);
                }
                return f;
            } catch (NoSuchFieldException e) {
                // a superclass may have it
            }
        }
        return null;
    }

    /** Arrays (a contact's tags) are kept as copies: one changed in place must still differ. */
    private static Object copy(Object value) {
        if (value instanceof Object[] array) {
            return array.clone();
        }
        return value;
    }
}
