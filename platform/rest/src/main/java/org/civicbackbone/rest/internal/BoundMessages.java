package org.civicbackbone.rest.internal;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.lang.annotation.Annotation;
import java.util.Locale;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Constraint messages without expression language: Hibernate Validator's parameter-only interpolator (chosen so that
 * no EL implementation runs on request bodies) leaves the EL of {@code @DecimalMin} and {@code @DecimalMax}'s default
 * messages as it is ("must be greater than ${inclusive == true ? ...}0"), so those two are written here instead.
 */
final class BoundMessages implements MessageInterpolator {

    private static final String MIN = "{jakarta.validation.constraints.DecimalMin.message}";
    private static final String MAX = "{jakarta.validation.constraints.DecimalMax.message}";

    private final MessageInterpolator parameters = new ParameterMessageInterpolator();

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Locale.getDefault());
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        Annotation constraint = context.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof DecimalMin min && MIN.equals(template)) {
            return bound("must be greater than ", min.inclusive(), min.value());
        }
        if (constraint instanceof DecimalMax max && MAX.equals(template)) {
            return bound("must be less than ", max.inclusive(), max.value());
        }
        return parameters.interpolate(template, context, locale);
    }

    private static String bound(String comparison, boolean inclusive, String value) {
        return comparison + (inclusive ? "or equal to " : "") + value;
    }
}
