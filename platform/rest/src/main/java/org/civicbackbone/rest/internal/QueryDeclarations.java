package org.civicbackbone.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
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
import javax.ws.rs.core.Context;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Refuses a query parameter the matched resource method does not take, and one given twice: a misspelt filter
 * ({@code ?stat=OPEN}) would otherwise answer everything, as if nothing had been asked, and of a repeated one the
 * method would see only the first. The answer is a 400 naming each such parameter and the ones the method takes,
 * as an unknown field of a JSON body is. Decided on the matched method's {@code @QueryParam} declarations, after
 * access is decided, so a caller who may not read the address learns nothing of what it takes.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("backbone.query-declarations")
@Priority(Priorities.AUTHORIZATION + 100)
public class QueryDeclarations implements ContainerRequestFilter {

    /**
     * Marks a resource method that answers whatever its query: the stand-ins for a function module that is not
     * there, whose answer (the module is not installed) must not depend on what the absent module would take.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface AnyQuery {
    }

    /** The method this request matched: CXF sets it for each request behind this proxy (JAX-RS context). */
    @Context
    private ResourceInfo matched;

    /**
     * The query parameters of each resource method met so far, kept with its class: read once, not on every request
     * with a query, and let go with the class when its module is uninstalled.
     */
    private final ClassValue<Map<Method, Set<String>>> declared = new ClassValue<>() {
        @Override
        protected Map<Method, Set<String>> computeValue(Class<?> resource) {
            return new ConcurrentHashMap<>();
        }
    };

    @Override
    public void filter(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query == null || query.isEmpty()) {
            return; // most requests: nothing to read the declarations for
        }
        Method method = matched == null ? null : matched.getResourceMethod();
        if (method == null || method.isAnnotationPresent(AnyQuery.class)) {
            return;
        }
        List<Violation> faults = faults(declared.get(method.getDeclaringClass()).computeIfAbsent(method,
                QueryDeclarations::taken), request.getUriInfo().getQueryParameters(true));
        if (!faults.isEmpty()) {
            Violation first = faults.get(0);
            request.abortWith(ProblemMapper.answer((faults.size() == 1
                    ? ProblemException.invalid(first.field(), first.message()) : ProblemException.invalid(faults))
                    .problem()));
        }
    }

    /** The query parameters a resource method declares. */
    static Set<String> taken(Method method) {
        SortedSet<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return Collections.unmodifiableSortedSet(names);
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
            }
        });
        return faults;
    }
}
