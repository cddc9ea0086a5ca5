package org.groundwork.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** Reads PATCH bodies: type errors and constraint violations become 400 problems naming the field. */
@ApplicationScoped
public class Patches {

    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;

    public <T> Patch<T> read(JsonNode body, Class<T> type) {
        if (!(body instanceof ObjectNode object)) {
            throw Problems.badRequest("The body must be a JSON object");
        }
        Set<String> fields = new HashSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        T value;
        try {
            value = mapper.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            throw ProblemMapper.fromJackson(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Patch<>(value, Set.copyOf(fields));
    }

    /**
     * A patch built by a page from form fields, checked by the same constraints as one read
     * from JSON, so the two doors refuse the same things.
     */
    public <T> Patch<T> of(T value, Set<String> fields) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Patch<>(value, Set.copyOf(fields));
    }
}
