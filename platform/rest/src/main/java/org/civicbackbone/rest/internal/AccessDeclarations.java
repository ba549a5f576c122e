package org.civicbackbone.rest.internal;

import java.lang.reflect.Method;
import java.security.Principal;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.Audience;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Checks every request against the {@link Allow} declaration of the resource method it matched (on the method, else
 * on its class). The check runs after matching, on the matched path parameters, so the raw address plays no part. A
 * method without a declaration refuses everyone: a module that forgets to declare is closed, not open. One filter
 * for the whole application, reading the matched method from {@link ResourceInfo} (the annotations are looked up
 * at each request: cheap, and nothing holds on to the classes of a module that went): a check bound to each method
 * (a {@code DynamicFeature}) made CXF look through every method's filters on every request (docs/benchmarks.md).
 */
@Component(service = {ContainerRequestFilter.class, AccessDeclarations.class})
@JaxrsExtension
@JaxrsName(RestNames.ACCESS)
@Priority(Priorities.AUTHORIZATION)
public class AccessDeclarations implements ContainerRequestFilter {

    private final AccessRules rules;

    /** The method this request matched: CXF sets it for each request behind this proxy (JAX-RS context). */
    @Context
    private ResourceInfo matched;

    @Activate
    public AccessDeclarations(@Reference InitiativeAccess access) {
        this.rules = new AccessRules(access);
    }

    /** The declaration in force for a resource method, or null when it has none. */
    static Audience declared(Class<?> resource, Method method) {
        Allow allow = method.getAnnotation(Allow.class);
        if (allow == null && resource != null) {
            allow = resource.getAnnotation(Allow.class);
        }
        if (allow == null) {
            allow = method.getDeclaringClass().getAnnotation(Allow.class);
        }
        return allow == null ? null : allow.value();
    }

    /** The segment's value as the resource receives it: matrix parameters ({@code ;x=1}) are not part of it. */
    static String withoutMatrix(String segment) {
        if (segment == null) {
            return null;
        }
        int matrix = segment.indexOf(';');
        return matrix < 0 ? segment : segment.substring(0, matrix);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = matched == null ? null : matched.getResourceMethod();
        Audience audience = method == null ? null : declared(matched.getResourceClass(), method);
        SecurityContext security = request.getSecurityContext();
        Principal principal = security == null ? null : security.getUserPrincipal();
        String user = principal == null ? null : principal.getName();
        boolean admin = user != null && security.isUserInRole(AccessRules.ADMIN_ROLE);
        String initiativeId = withoutMatrix(request.getUriInfo().getPathParameters(true).getFirst(Allow.INITIATIVE));
        Problem refusal = rules.refusal(audience, user, admin, initiativeId);
        if (refusal == null) {
            return;
        }
        Response answer = ProblemMapper.answer(refusal);
        if (refusal.status() == 401 && Challenge.wanted(request)) {
            answer = Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, Challenge.BASIC).build();
        }
        request.abortWith(answer);
    }
}
