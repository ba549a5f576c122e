package org.civicbackbone.rest.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.hibernate.validator.HibernateValidator;

/**
 * Strict JSON reading and writing plus bean validation: unknown fields, wrong types and malformed JSON are all
 * turned into a 400 problem naming the field, before any resource code runs.
 */
final class JsonBinding implements AutoCloseable {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addDeserializer(java.time.Instant.class, new MomentDeserializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // a number or boolean where text is expected is a wrong type, not text
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private final ValidatorFactory validatorFactory = Validation.byProvider(HibernateValidator.class)
            .providerResolver(() -> List.of(new HibernateValidator()))
            .configure()
            .messageInterpolator(new BoundMessages())
            .buildValidatorFactory();

    private final Validator validator = validatorFactory.getValidator();

    /** Reads a body of the given type and validates it; throws a 400 problem on any fault. */
    <T> T read(InputStream body, Class<T> type) {
        T value;
        try {
            byte[] bytes = body.readAllBytes();
            if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                throw invalid(List.of(new Violation("(body)", "a JSON body is required")));
            }
            Violation unbindable = unbindable(bytes);
            if (unbindable != null) {
                throw invalid(List.of(unbindable));
            }
            value = mapper.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw invalid(List.of(violation(e)));
        } catch (IOException e) {
            throw invalid(List.of(new Violation("(body)", "could not be read: " + e.getMessage())));
        }
        if (value == null) {
            throw invalid(List.of(new Violation("(body)", "a JSON body is required")));
        }
        validate(value);
        return value;
    }

    /** Longest number text accepted, and largest exponent: no column holds more, and more costs CPU to convert. */
    static final int MAX_NUMBER_CHARS = 40;
    static final int MAX_EXPONENT = 30;

    /**
     * The first value in the body that no field takes, or null: a number too long or too large to be a value of any
     * field, or text with a control character ({@link ControlCharacters}). Checked on the tokens before the body is
     * bound, because converting {@code 1e10000000} to a field's type can take minutes of CPU.
     */
    Violation unbindable(byte[] bytes) {
        try (com.fasterxml.jackson.core.JsonParser parser = mapper.getFactory().createParser(bytes)) {
            com.fasterxml.jackson.core.JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token.isNumeric()) {
                    String text = parser.getText();
                    if (text.length() > MAX_NUMBER_CHARS || exponent(text) > MAX_EXPONENT) {
                        return new Violation(path(parser.getParsingContext()), "is out of range: at most "
                                + MAX_NUMBER_CHARS + " characters and an exponent of at most " + MAX_EXPONENT);
                    }
                } else if (token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    String fault = ControlCharacters.fault(parser.getText(), true);
                    if (fault != null) {
                        return new Violation(path(parser.getParsingContext()), fault);
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return null; // malformed: binding reports it with its position
        }
    }

    private static int exponent(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return 0;
        }
        try {
            return Math.abs(Integer.parseInt(number.substring(e + 1)));
        } catch (NumberFormatException tooLong) {
            return Integer.MAX_VALUE;
        }
    }

    private static String path(com.fasterxml.jackson.core.JsonStreamContext context) {
        StringBuilder field = new StringBuilder();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                field.insert(0, (field.length() > 0 && field.charAt(0) != '[' ? "." : "") + c.getCurrentName());
            } else if (c.inArray()) {
                field.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return field.length() == 0 ? "(body)" : field.toString();
    }

    /** Validates an object with its constraint annotations; throws a 400 problem listing every violation. */
    void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<Violation> list = new ArrayList<>();
            for (ConstraintViolation<Object> v : violations) {
                list.add(new Violation(field(v.getPropertyPath()), v.getMessage()));
            }
            list.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
            throw invalid(list);
        }
    }

    void write(Object value, OutputStream out) throws IOException {
        mapper.writeValue(out, value);
    }

    private static ProblemException invalid(List<Violation> violations) {
        return ProblemException.invalid(violations);
    }

    /** A constraint violation's property path in JSON terms: {@code rows[2].value}. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            // a node's index or key is its place in the container the node before it named: lines[0].amount
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue; // a container's element, or the bean itself
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() == 0 ? "(body)" : field.toString();
    }

    static Violation violation(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new Violation("(body)", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException m) {
            String field = path(m);
            if (m instanceof UnrecognizedPropertyException u) {
                List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
                return new Violation(field, "unknown field; expected one of " + known);
            }
            if (m instanceof InvalidFormatException f) {
                return new Violation(field, f.getValue() instanceof String
                        ? "'" + f.getValue() + "' is not a valid " + typeName(f.getTargetType())
                        : "must be " + article(typeName(f.getTargetType())));
            }
            if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                return new Violation(field, "must be " + article(typeName(mi.getTargetType())));
            }
            return new Violation(field, m.getOriginalMessage());
        }
        return new Violation("(body)", e.getOriginalMessage());
    }

    private static String path(JsonMappingException m) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "(body)" : field.toString();
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                values.add(constant.toString());
            }
            return "value (one of " + values + ")";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return type == Integer.class || type == int.class || type == Long.class || type == long.class
                    ? "whole number" : "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class) {
            return MomentDeserializer.EXPECTED;
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "JSON object";
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    @Override
    public void close() {
        validatorFactory.close();
    }
}
