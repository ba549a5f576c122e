package org.civicbackbone.rest.internal;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Locale;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The default messages of the bounds a request body breaks, in words its readers (staff, not programmers) use: "must
 * be at most 200 characters" rather than "size must be between 0 and 200". Hibernate Validator's parameter-only
 * interpolator (chosen so that no expression language runs on request bodies) would also leave the EL of
 * {@code @DecimalMin} and {@code @DecimalMax} as it is ("must be greater than ${inclusive == true ? ...}0"). A
 * constraint with a message of its own, and every other constraint, keeps its message.
 */
final class BoundMessages implements MessageInterpolator {

    private static final String DEFAULT = "{jakarta.validation.constraints.%s.message}";

    private final MessageInterpolator parameters = new ParameterMessageInterpolator();

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Locale.getDefault());
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        Annotation constraint = context.getConstraintDescriptor().getAnnotation();
        if (!template.equals(DEFAULT.formatted(constraint.annotationType().getSimpleName()))) {
            return parameters.interpolate(template, context, locale);
        }
        if (constraint instanceof DecimalMin min) {
            return "must be greater than " + (min.inclusive() ? "or equal to " : "") + min.value();
        }
        if (constraint instanceof DecimalMax max) {
            return "must be less than " + (max.inclusive() ? "or equal to " : "") + max.value();
        }
        if (constraint instanceof Digits digits) {
            return "must have at most " + digits.integer() + " digits before the decimal point and "
                    + digits.fraction() + " after it";
        }
        if (constraint instanceof Size size) {
            return size(size, context.getValidatedValue() instanceof CharSequence ? " characters" : " entries");
        }
        return parameters.interpolate(template, context, locale);
    }

    private static String size(Size size, String unit) {
        if (size.max() == Integer.MAX_VALUE) {
            return "must be at least " + size.min() + unit;
        }
        if (size.min() == 0) {
            return "must be at most " + size.max() + unit;
        }
        return size.min() == size.max() ? "must be exactly " + size.min() + unit
                : "must be between " + size.min() + " and " + size.max() + unit;
    }
}
