package org.civicbackbone.rest.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a record's Jakarta Validation constraints say about its JSON, in OpenAPI 3.0's words: which fields a body must
 * have, and the limits of each (lengths, sizes, bounds, patterns). The same annotations decide what the API refuses
 * with 400, so the description and the refusals cannot drift apart. Cross-field rules ({@code @AssertTrue}) and the
 * services' own rules are not annotations on a field and are not described here.
 */
final class OpenApiConstraints {

    private OpenApiConstraints() {
    }

    /** Whether a body without this field, or with it null, is refused. */
    static boolean required(RecordComponent component) {
        return constraints(component).stream().anyMatch(a -> a instanceof NotNull || a instanceof NotBlank
                || a instanceof NotEmpty);
    }

    /**
     * The constraints on a record component: those on its accessor (where Java puts a declaration annotation of a
     * component) and those on its type, each once.
     */
    static List<Annotation> constraints(RecordComponent component) {
        List<Annotation> all = new ArrayList<>(Arrays.asList(component.getAccessor().getAnnotations()));
        for (Annotation onType : component.getAnnotatedType().getAnnotations()) {
            if (!all.contains(onType)) {
                all.add(onType);
            }
        }
        return all;
    }

    /** The constraints written on a type where it is used, such as the {@code @NotBlank} of {@code List<@NotBlank String>}. */
    static List<Annotation> constraints(AnnotatedType type) {
        return Arrays.asList(type.getAnnotations());
    }

    /**
     * The schema with the limits these constraints set. A reference to a named schema stays as it is: OpenAPI 3.0
     * ignores anything beside a {@code $ref}, and the constraints that matter there (required) belong to the record.
     */
    static Map<String, Object> limited(Map<String, Object> schema, List<Annotation> constraints) {
        if (schema.containsKey("$ref") || constraints.isEmpty()) {
            return schema;
        }
        Map<String, Object> limited = new LinkedHashMap<>(schema);
        boolean text = "string".equals(schema.get("type"));
        boolean list = "array".equals(schema.get("type"));
        for (Annotation constraint : constraints) {
            if (constraint instanceof NotBlank notBlank) {
                limited.put("minLength", 1);
                limited.putIfAbsent("pattern", "\\S"); // somewhere a character that is not white space
                described(limited, notBlank.message());
            } else if (constraint instanceof NotEmpty notEmpty) {
                limited.put(list ? "minItems" : "minLength", 1);
                described(limited, notEmpty.message());
            } else if (constraint instanceof Size size) {
                if (size.min() > 0) {
                    limited.put(list ? "minItems" : "minLength", size.min());
                }
                if (size.max() < Integer.MAX_VALUE) {
                    limited.put(list ? "maxItems" : "maxLength", size.max());
                }
                described(limited, size.message());
            } else if (constraint instanceof Pattern pattern && text) {
                limited.put("pattern", "^(?:" + pattern.regexp() + ")$"); // the whole value must match, as Jakarta's does
                described(limited, pattern.message());
            } else if (constraint instanceof Email email && text) {
                limited.put("format", "email");
                described(limited, email.message());
            } else if (constraint instanceof Min min) {
                limited.put("minimum", min.value());
                described(limited, min.message());
            } else if (constraint instanceof Max max) {
                limited.put("maximum", max.value());
                described(limited, max.message());
            } else if (constraint instanceof DecimalMin min) {
                limited.put("minimum", new BigDecimal(min.value()));
                if (!min.inclusive()) {
                    limited.put("exclusiveMinimum", true);
                }
                described(limited, min.message());
            } else if (constraint instanceof DecimalMax max) {
                limited.put("maximum", new BigDecimal(max.value()));
                if (!max.inclusive()) {
                    limited.put("exclusiveMaximum", true);
                }
                described(limited, max.message());
            } else if (constraint instanceof Positive positive) {
                limited.put("minimum", 0);
                limited.put("exclusiveMinimum", true);
                described(limited, positive.message());
            } else if (constraint instanceof PositiveOrZero positiveOrZero) {
                limited.put("minimum", 0);
                described(limited, positiveOrZero.message());
            }
        }
        for (Annotation constraint : constraints) { // after the bounds: a stricter one of those stands
            if (constraint instanceof Digits digits) {
                // at most this many digits before the point (under 10^integer either way) and after it
                BigDecimal beyond = BigDecimal.TEN.pow(digits.integer());
                if (!limited.containsKey("maximum")) {
                    limited.put("maximum", beyond);
                    limited.put("exclusiveMaximum", true);
                }
                if (!limited.containsKey("minimum")) {
                    limited.put("minimum", beyond.negate());
                    limited.put("exclusiveMinimum", true);
                }
                limited.put("multipleOf", BigDecimal.ONE.movePointLeft(digits.fraction()));
                described(limited, digits.message());
            }
        }
        return limited;
    }

    /** A message written for people (not one of Jakarta's own, which are keys in braces) becomes the description. */
    private static void described(Map<String, Object> schema, String message) {
        if (!message.startsWith("{")) {
            schema.merge("description", message, (a, b) -> a + "; " + b);
        }
    }
}
