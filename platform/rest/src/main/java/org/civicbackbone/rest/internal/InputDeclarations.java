package org.civicbackbone.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Refuses what the matched resource method does not take. A query parameter it does not declare, or one given twice:
 * a misspelt filter ({@code ?stat=OPEN}) would otherwise answer everything, as if nothing had been asked, and of a
 * repeated one the method would see only the first. A body where it takes none: the reason sent with a withdrawal,
 * the date sent with "report submitted", would otherwise be dropped while the request succeeds. The answer is a 400
 * naming each such parameter or field (and the parameters the address takes), as an unknown field of a JSON body
 * is; an empty body, or an empty JSON object (what the console sends for an action without fields), is no body.
 * Decided on the matched method's declarations, after access is decided, so a caller who may not use the address
 * learns nothing of what it takes.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("backbone.input-declarations")
@Priority(Priorities.AUTHORIZATION + 100)
public class InputDeclarations implements ContainerRequestFilter {

    /**
     * Marks a resource method that answers whatever it is sent: the stand-ins for a function module that is not
     * there, whose answer (the module is not installed) must not depend on what the absent module would take.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface AnyInput {
    }

    /** What a resource method takes: its query parameters by name, and whether it reads a body. */
    record Declared(Set<String> query, boolean body) {
    }

    /** How much of a body sent where none is taken is read to name its fields; more is refused whole. */
    static final int UNTAKEN_BODY_READ = 16 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    /** The method this request matched: CXF sets it for each request behind this proxy (JAX-RS context). */
    @Context
    private ResourceInfo matched;

    /** The declarations of each resource method, read once. */
    private final MethodFacts<Declared> declared = new MethodFacts<>((resource, m) -> declared(m));

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Received received = Received.of(request); // the query and the framing as Jetty received them
        boolean hasQuery = received.hasQuery();
        if (!hasQuery && !received.mayHaveBody()) {
            return; // most reads: nothing to hold against the declarations
        }
        Method method = matched == null ? null : matched.getResourceMethod();
        if (method == null || method.isAnnotationPresent(AnyInput.class)) {
            return;
        }
        Declared takes = declared.of(method.getDeclaringClass(), method);
        List<Violation> faults = new ArrayList<>();
        if (hasQuery) {
            faults.addAll(faults(takes.query(), request.getUriInfo().getQueryParameters(true)));
        }
        if (!takes.body() && received.mayHaveBody() && request.hasEntity()) {
            faults.addAll(untakenBody(request.getEntityStream()));
        }
        if (!faults.isEmpty()) {
            Violation first = faults.get(0);
            request.abortWith(ProblemMapper.answer((faults.size() == 1
                    ? ProblemException.invalid(first.field(), first.message()) : ProblemException.invalid(faults))
                    .problem()));
        }
    }

    /** What a resource method declares. */
    static Declared declared(Method method) {
        SortedSet<String> names = new TreeSet<>();
        boolean body = false;
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            boolean injected = false;
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
                injected |= injected(annotation);
            }
            body |= !injected; // JAX-RS: the one parameter not injected from the request's parts is its body
        }
        return new Declared(Collections.unmodifiableSortedSet(names), body);
    }

    /** An annotation that has JAX-RS inject a parameter (a path or query part, a header, a context object). */
    private static boolean injected(Annotation annotation) {
        Class<? extends Annotation> type = annotation.annotationType();
        return type.getPackageName().equals("javax.ws.rs") && type.getSimpleName().endsWith("Param")
                || type == Context.class || type == Suspended.class;
    }

    /** What is wrong with a request's query for a method that takes {@code taken}: one fault a parameter. */
    static List<Violation> faults(Set<String> taken, Map<String, List<String>> query) {
        List<Violation> faults = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!taken.contains(name)) {
                faults.add(new Violation(name, taken.isEmpty() ? "unknown query parameter; this address takes none"
                        : "unknown query parameter; expected one of " + taken));
            } else if (values.size() > 1) {
                faults.add(new Violation(name, "given " + values.size() + " times; give it once"));
            } else {
                String fault = ControlCharacters.fault(values.get(0), false);
                if (fault != null) {
                    faults.add(new Violation(name, fault));
                }
            }
        });
        return faults;
    }

    /**
     * What is wrong with a body sent to a method that takes none: each field of a JSON object, or the body as a
     * whole when it is anything else; nothing for an empty body or {@code {}}.
     */
    List<Violation> untakenBody(InputStream entity) throws IOException {
        byte[] read = entity.readNBytes(UNTAKEN_BODY_READ + 1);
        String text = new String(read, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        JsonNode body = null;
        if (read.length <= UNTAKEN_BODY_READ) {
            try {
                body = json.readTree(text);
            } catch (IOException notJson) {
                body = null;
            }
        }
        if (body == null || !body.isObject()) {
            return List.of(new Violation("body", "this address takes no body; send none"));
        }
        List<Violation> faults = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> faults.add(new Violation(name,
                "unknown field; this address takes no body")));
        return faults;
    }
}
