package org.civicbackbone.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import org.civicbackbone.api.rest.Audience;

/**
 * An OpenAPI 3 description of REST resources, read from their JAX-RS declarations: every resource method's address,
 * HTTP method, path and query parameters, request body and answer (records described field by field, with the limits
 * their validation constraints set: {@link OpenApiConstraints}), and who may call it (its
 * {@link org.civicbackbone.api.rest.Allow} audience). Built from the resources registered at the moment
 * of the request, so installed modules are in it and uninstalled ones are not.
 */
final class OpenApiDocument {

    private final Map<String, Object> schemas = new TreeMap<>();
    private final Map<Class<?>, String> names = new java.util.HashMap<>();

    /** The document for these resource classes. */
    static Map<String, Object> of(Collection<Class<?>> resources, String version) {
        return new OpenApiDocument().build(resources, version);
    }

    private Map<String, Object> build(Collection<Class<?>> resources, String version) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Class<?> resource : resources.stream().sorted(Comparator.comparing(Class::getName)).toList()) {
            for (Method method : resource.getMethods()) {
                String verb = AddressOffer.verb(method);
                if (verb == null) {
                    continue;
                }
                String address = named(AddressOffer.template(resource, method));
                paths.computeIfAbsent(address, a -> new TreeMap<>()).put(verb.toLowerCase(Locale.ROOT),
                        operation(resource, method));
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Civic Backbone REST API", "version", version, "description",
                "The platform's REST API with the modules installed now. Errors are application/problem+json "
                        + "(RFC 9457) with a violations list of {field, message}. A body is refused (400) for a field "
                        + "its schema does not name, and for each limit its schema states. x-audience says who may "
                        + "call."));
        document.put("servers", List.of(Map.of("url", "/")));
        document.put("security", List.of(Map.of("basic", List.of()), Map.of("session", List.of())));
        document.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("securitySchemes", Map.of(
                "basic", Map.of("type", "http", "scheme", "basic"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", SessionResource.COOKIE,
                        "description", "From POST /api/v1/session; writes also carry " + SessionResource.CSRF_HEADER)));
        components.put("schemas", schemas);
        document.put("components", components);
        return document;
    }

    private Map<String, Object> operation(Class<?> resource, Method method) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", resource.getSimpleName() + "." + method.getName());
        operation.put("tags", List.of(resource.getSimpleName().replaceAll("Resource$", "")));
        Audience audience = AccessDeclarations.declared(resource, method);
        operation.put("x-audience", audience == null ? "nobody" : audience.name());
        if (audience == Audience.PUBLIC) {
            operation.put("security", List.of());
        }
        List<Object> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (path != null || query != null) {
                parameters.add(Map.of("name", path != null ? path.value() : query.value(), "in",
                        path != null ? "path" : "query", "required", path != null,
                        "schema", schema(parameter.getParameterizedType())));
            } else if (!annotated(parameter, Context.class) && parameter.getAnnotations().length == 0) {
                String type = firstOr(AddressOffer.declaredTypes(method, resource, true), "application/json");
                Object body = parameter.getType() == java.io.InputStream.class ? Map.of("type", "string", "format",
                        "binary") : schema(parameter.getParameterizedType());
                operation.put("requestBody", Map.of("required", true, "content", Map.of(type, Map.of("schema", body))));
            }
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        String produced = firstOr(AddressOffer.declaredTypes(method, resource, false), "application/json");
        Type answer = method.getGenericReturnType();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", answer == javax.ws.rs.core.Response.class ? "the answer (status as documented)" : "OK");
        if (answer != void.class && answer != javax.ws.rs.core.Response.class) {
            ok.put("content", Map.of(produced, Map.of("schema", schema(answer))));
        }
        Map<String, Object> problem = Map.of("description", "a problem", "content",
                Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        schemas.putIfAbsent("Problem", Map.of("type", "object", "properties", Map.of(
                "type", Map.of("type", "string"), "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"), "detail", Map.of("type", "string"),
                "violations", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                        Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")))))));
        operation.put("responses", Map.of("200", ok, "default", problem));
        return operation;
    }

    /** The JSON schema of a type as a record component uses it: a list's items with the limits written on them. */
    private Map<String, Object> schema(AnnotatedType type) {
        if (type instanceof AnnotatedParameterizedType generic && generic.getType() instanceof ParameterizedType p
                && Collection.class.isAssignableFrom((Class<?>) p.getRawType())) {
            AnnotatedType item = generic.getAnnotatedActualTypeArguments()[0];
            return Map.of("type", "array", "items",
                    OpenApiConstraints.limited(schema(item), OpenApiConstraints.constraints(item)));
        }
        return schema(type.getType());
    }

    /** The JSON schema of a Java type; records and enums become named components. */
    private Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(arguments[1]));
            }
            return schema(raw);
        }
        if (!(type instanceof Class<?> c)) {
            return Map.of();
        }
        if (c == String.class || c == char.class) {
            return Map.of("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", c == int.class || c == Integer.class ? "int32" : "int64");
        }
        if (c == double.class || c == Double.class || c == BigDecimal.class || c == float.class) {
            return Map.of("type", "number");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c.isEnum()) {
            return named(c, () -> Map.of("type", "string", "enum",
                    Arrays.stream(c.getEnumConstants()).map(Object::toString).toList()));
        }
        if (c.isRecord()) {
            return named(c, () -> {
                Map<String, Object> properties = new LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                for (RecordComponent component : c.getRecordComponents()) {
                    properties.put(component.getName(), OpenApiConstraints.limited(
                            schema(component.getAnnotatedType()), OpenApiConstraints.constraints(component)));
                    if (OpenApiConstraints.required(component)) {
                        required.add(component.getName());
                    }
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("type", "object");
                record.put("properties", properties);
                if (!required.isEmpty()) {
                    record.put("required", required);
                }
                return record;
            });
        }
        return Map.of("type", "object");
    }

    private Map<String, Object> named(Class<?> type, java.util.function.Supplier<Map<String, Object>> describe) {
        String name = names.get(type);
        if (name == null) {
            String simple = type.getName().substring(type.getName().lastIndexOf('.') + 1).replace('$', '.');
            name = simple;
            for (int n = 2; schemas.containsKey(name); n++) {
                name = simple + n; // two modules' records of one name
            }
            names.put(type, name);
            schemas.put(name, Map.of()); // a record that refers to itself ends here
            schemas.put(name, describe.get());
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static boolean annotated(Parameter parameter, Class<? extends Annotation> annotation) {
        return parameter.getAnnotation(annotation) != null;
    }

    private static String firstOr(List<String> types, String otherwise) {
        return types.isEmpty() ? otherwise : types.get(0);
    }

    /** A path template as OpenAPI spells it: each variable by its name alone, without the pattern it must match. */
    static String named(String template) {
        return template.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
