package org.groundwork.platform;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * {@code @Size} on a text counts its characters as PostgreSQL's {@code length()} does, the columns' checks: one per
 * code point. Hibernate Validator's own counts UTF-16 units, an emoji or a rarer Chinese character as two, so a name
 * of 101 emoji was refused as over 200 while its column holds 200 (the walk). Added beside the built-in validators:
 * for a {@code String}, the most specific type, this one is chosen; lists and other texts keep theirs. The message
 * is {@code @Size}'s own.
 */
@ApplicationScoped
class TextSize implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Size.class).includeExistingValidators(true).validatedBy(InCharacters.class);
        configuration.addMapping(mapping);
    }

    public static class InCharacters implements ConstraintValidator<Size, String> {
        private int min;
        private int max;

        @Override
        public void initialize(Size size) {
            min = size.min();
            max = size.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            // a code point is one or two UTF-16 units, so a text has between half its length and its length in
            // characters: most texts are decided by their length alone
            if (value.length() <= max && (long) value.length() >= 2L * min) {
                return true;
            }
            int n = Text.characters(value);
            return n >= min && n <= max;
        }
    }
}
