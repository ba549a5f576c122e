package org.civicbackbone.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.ws.rs.Consumes;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * What the API takes at one address, read from its resources' annotations: the methods (a 405's {@code Allow}
 * header) and, for the method asked with, the media types it reads and answers (what a 415 or a 406 tells the caller
 * to send or ask for instead). Only the most specific templates that fit the address count, as in JAX-RS matching
 * (most literal characters, then most variables), so {@code activities/export} is not also {@code activities/{id}}
 * and a module's own addresses are not also the core's catch-all for absent functions.
 *
 * @param methods  the methods the address takes, HEAD wherever GET; empty when nothing is served there
 * @param consumed the media types the asked method reads there
 * @param produced the media types the asked method answers there
 */
record AddressOffer(SortedSet<String> methods, SortedSet<String> consumed, SortedSet<String> produced) {

    /** Nothing known of the address. */
    static final AddressOffer UNKNOWN = new AddressOffer(Collections.emptySortedSet(), Collections.emptySortedSet(),
            Collections.emptySortedSet());

    /**
     * What the operations of the resources served take at a path (relative to the application, with or without a
     * leading slash), for a request with this method.
     */
    static AddressOffer at(Collection<Operation> operations, String path, String method) {
        String address = trimmed(path.startsWith("/") ? path : "/" + path);
        List<Operation> fitting = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.template().pattern().matcher(address).matches()) {
                fitting.add(operation);
            }
        }
        Template best = fitting.stream().map(Operation::template).max(Template::compareSpecificity).orElse(null);
        if (best == null) {
            return UNKNOWN;
        }
        String asked = "HEAD".equals(method) ? "GET" : method;
        SortedSet<String> methods = new TreeSet<>();
        SortedSet<String> consumed = new TreeSet<>();
        SortedSet<String> produced = new TreeSet<>();
        for (Operation operation : fitting) {
            if (Template.compareSpecificity(operation.template(), best) == 0) {
                methods.add(operation.verb());
                if ("GET".equals(operation.verb())) {
                    methods.add("HEAD");
                }
                if (operation.verb().equals(asked)) {
                    consumed.addAll(operation.consumed());
                    produced.addAll(operation.produced());
                }
            }
        }
        return new AddressOffer(Collections.unmodifiableSortedSet(methods),
                Collections.unmodifiableSortedSet(consumed), Collections.unmodifiableSortedSet(produced));
    }

    /** One resource method as matching sees it: its whole template, its HTTP method and its media types. */
    record Operation(Template template, String verb, List<String> consumed, List<String> produced) {

        /** The operations of a resource class (read once per class by whoever keeps them; see ProblemMapper). */
        static List<Operation> of(Class<?> resource) {
            List<Operation> operations = new ArrayList<>();
            for (Method method : resource.getMethods()) {
                String verb = AddressOffer.verb(method);
                if (verb != null) {
                    operations.add(new Operation(Template.of(AddressOffer.template(resource, method)), verb,
                            orAny(declaredTypes(method, resource, true)), orAny(declaredTypes(method, resource, false))));
                }
            }
            return List.copyOf(operations);
        }
    }

    /** A path template as a pattern, with what JAX-RS ranks templates by. */
    record Template(Pattern pattern, int literals, int variables) {

        static Template of(String template) {
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            int variables = 0;
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                if (c != '{') {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    literals++;
                    i++;
                    continue;
                }
                int depth = 1;
                int end = i + 1;
                while (end < template.length() && depth > 0) {
                    depth += template.charAt(end) == '{' ? 1 : template.charAt(end) == '}' ? -1 : 0;
                    end++;
                }
                String variable = template.substring(i + 1, end - 1);
                int colon = variable.indexOf(':');
                regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).trim()).append(')');
                variables++;
                i = end;
            }
            return new Template(Pattern.compile(regex.toString()), literals, variables);
        }

        static int compareSpecificity(Template a, Template b) {
            int byLiterals = Integer.compare(a.literals(), b.literals());
            return byLiterals != 0 ? byLiterals : Integer.compare(a.variables(), b.variables());
        }
    }

    /** The HTTP method a resource method answers (GET, POST, ...), or null for one that answers none. */
    static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** A resource method's whole path template: its class's and its own, one slash between, none at the end. */
    static String template(Class<?> resource, Method method) {
        return joined(value(resource.getAnnotation(Path.class)), value(method.getAnnotation(Path.class)));
    }

    /** Two path pieces joined by one slash, with one in front and none at the end. */
    static String joined(String base, String sub) {
        String joined = trimmed(base) + (sub.isEmpty() ? "" : (sub.startsWith("/") ? sub : "/" + sub));
        return trimmed(joined.startsWith("/") ? joined : "/" + joined);
    }

    /**
     * The media types a resource method reads ({@code consumed}) or answers, as declared on it or else on its class;
     * empty where neither says.
     */
    static List<String> declaredTypes(Method method, Class<?> resource, boolean consumed) {
        Class<? extends Annotation> kind = consumed ? Consumes.class : Produces.class;
        Annotation chosen = method.isAnnotationPresent(kind) ? method.getAnnotation(kind) : resource.getAnnotation(kind);
        return chosen instanceof Consumes c ? List.of(c.value()) : chosen instanceof Produces p ? List.of(p.value())
                : List.of();
    }

    private static List<String> orAny(List<String> types) {
        return types.isEmpty() ? List.of(MediaType.WILDCARD) : types;
    }

    private static String value(Path path) {
        return path == null ? "" : path.value();
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
