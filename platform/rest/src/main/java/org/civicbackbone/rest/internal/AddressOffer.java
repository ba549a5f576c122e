package org.civicbackbone.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.Consumes;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.civicbackbone.api.problem.Violation;

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
        List<Operation> fitting = mostSpecific(operations, address(path));
        if (fitting.isEmpty()) {
            return UNKNOWN;
        }
        String asked = asked(method);
        SortedSet<String> methods = new TreeSet<>();
        SortedSet<String> consumed = new TreeSet<>();
        SortedSet<String> produced = new TreeSet<>();
        for (Operation operation : fitting) {
            methods.add(operation.verb());
            if ("GET".equals(operation.verb())) {
                methods.add("HEAD");
            }
            if (operation.verb().equals(asked)) {
                consumed.addAll(operation.consumed());
                produced.addAll(operation.produced());
            }
        }
        return new AddressOffer(Collections.unmodifiableSortedSet(methods),
                Collections.unmodifiableSortedSet(consumed), Collections.unmodifiableSortedSet(produced));
    }

    /**
     * The variables of a path, and the query parameters of a request, that the method called there cannot read as it
     * declares them ({@code abc} where a whole number stands, a name that is none of an enum's constants): each list
     * empty where all read, or where nothing served fits the path. {@code query} gives a query parameter's values by
     * name (null where absent).
     */
    static Unreadable unreadable(Collection<Operation> operations, String path, String method,
                                 Function<String, String[]> query) {
        String address = address(path);
        List<Violation> variables = new ArrayList<>();
        List<Violation> parameters = new ArrayList<>();
        for (Operation operation : mostSpecific(operations, address)) {
            Matcher values = operation.template().pattern().matcher(address);
            if (!operation.verb().equals(asked(method)) || !values.matches()) {
                continue;
            }
            List<String> names = operation.template().names();
            for (int i = 0; i < names.size(); i++) {
                addIfUnreadable(variables, names.get(i), operation.pathTypes().get(names.get(i)), values.group(i + 1));
            }
            operation.queryTypes().forEach((name, type) -> {
                String[] given = query.apply(name);
                for (String value : given == null ? new String[0] : given) {
                    addIfUnreadable(parameters, name, type, value);
                }
            });
        }
        return new Unreadable(List.copyOf(variables), List.copyOf(parameters));
    }

    /** What a request gave that its method could not read: path variables, query parameters. */
    record Unreadable(List<Violation> variables, List<Violation> queryParameters) {
    }

    /** Adds why a value cannot be read as its type, where it cannot and that is not said yet. */
    private static void addIfUnreadable(List<Violation> faults, String name, Class<?> type, String value) {
        String why = type == null ? null : type.isEnum() ? notAConstant(type, value) : notWhole(type, value);
        Violation fault = why == null ? null : new Violation(name, "'" + value + "' " + why);
        if (fault != null && !faults.contains(fault)) {
            faults.add(fault);
        }
    }

    /** Why a value is not the whole number an int or a long needs; null where it is one, or the type is neither. */
    private static String notWhole(Class<?> type, String value) {
        boolean isLong = type == long.class || type == Long.class;
        if (!isLong && type != int.class && type != Integer.class) {
            return null;
        }
        try {
            if (isLong) {
                Long.parseLong(value);
            } else {
                Integer.parseInt(value);
            }
            return null;
        } catch (NumberFormatException notOne) {
            String range = isLong ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    : Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
            return "is not a whole number" + (value.matches("-?[0-9]+") ? " from " + range : "");
        }
    }

    /**
     * Why a value is none of an enum's constants as CXF reads a parameter ({@code valueOf}: the name exactly, case
     * counts); null where it is one, or where the enum reads its values its own way ({@code fromString},
     * {@code fromValue}, which CXF asks first).
     */
    private static String notAConstant(Class<?> type, String value) {
        boolean ownWay = Arrays.stream(type.getMethods()).anyMatch(m -> Modifier.isStatic(m.getModifiers())
                && (m.getName().equals("fromString") || m.getName().equals("fromValue")));
        if (ownWay) {
            return null;
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        return names.contains(value) ? null : "is not one of " + String.join(", ", names);
    }

    /** The operations whose templates fit the address and are the most specific of those that do. */
    private static List<Operation> mostSpecific(Collection<Operation> operations, String address) {
        List<Operation> fitting = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.template().pattern().matcher(address).matches()) {
                fitting.add(operation);
            }
        }
        Template best = fitting.stream().map(Operation::template).max(Template::compareSpecificity).orElse(null);
        return best == null ? List.of()
                : fitting.stream().filter(o -> Template.compareSpecificity(o.template(), best) == 0).toList();
    }

    private static String address(String path) {
        return trimmed(path.startsWith("/") ? path : "/" + path);
    }

    private static String asked(String method) {
        return "HEAD".equals(method) ? "GET" : method;
    }

    /**
     * One resource method as matching sees it: its whole template, its HTTP method, its media types and the types it
     * reads its path's variables and its query parameters as.
     */
    record Operation(Template template, String verb, List<String> consumed, List<String> produced,
                     Map<String, Class<?>> pathTypes, Map<String, Class<?>> queryTypes) {

        /** The operations of a resource class (read once per class by whoever keeps them; see ProblemMapper). */
        static List<Operation> of(Class<?> resource) {
            List<Operation> operations = new ArrayList<>();
            for (Method method : resource.getMethods()) {
                String verb = AddressOffer.verb(method);
                if (verb != null) {
                    operations.add(new Operation(Template.of(AddressOffer.template(resource, method)), verb,
                            orAny(declaredTypes(method, resource, true)), orAny(declaredTypes(method, resource, false)),
                            parameterTypes(method, PathParam.class), parameterTypes(method, QueryParam.class)));
                }
            }
            return List.copyOf(operations);
        }

        /** The types a method reads its parameters of one kind ({@code @PathParam}, {@code @QueryParam}) as, by name. */
        private static Map<String, Class<?>> parameterTypes(Method method, Class<? extends Annotation> kind) {
            Map<String, Class<?>> types = new HashMap<>();
            for (Parameter parameter : method.getParameters()) {
                Annotation named = parameter.getAnnotation(kind);
                if (named instanceof PathParam variable) {
                    types.put(variable.value(), parameter.getType());
                } else if (named instanceof QueryParam query) {
                    types.put(query.value(), parameter.getType());
                }
            }
            return Map.copyOf(types);
        }
    }

    /** A path template as a pattern (a group a variable, named in order), with what JAX-RS ranks templates by. */
    record Template(Pattern pattern, int literals, List<String> names) {

        static Template of(String template) {
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            int literals = 0;
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
                // a variable's own pattern may hold groups: they must not count as variables
                regex.append('(').append(colon < 0 ? "[^/]+" : uncaptured(variable.substring(colon + 1).trim()))
                        .append(')');
                names.add((colon < 0 ? variable : variable.substring(0, colon)).trim());
                i = end;
            }
            return new Template(Pattern.compile(regex.toString()), literals, List.copyOf(names));
        }

        private static String uncaptured(String pattern) {
            return pattern.replaceAll("(?<!\\\\)\\((?!\\?)", "(?:");
        }

        static int compareSpecificity(Template a, Template b) {
            int byLiterals = Integer.compare(a.literals(), b.literals());
            return byLiterals != 0 ? byLiterals : Integer.compare(a.names().size(), b.names().size());
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
