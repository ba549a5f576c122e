package org.civicbackbone.rest.internal;

import java.lang.reflect.Method;
import java.security.Principal;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
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
 * Puts an access check in front of every resource method of the application, read from its {@link Allow}
 * declaration (on the method, else on its class) when the application is built. The check runs after matching, on
 * the matched path parameters, so the raw address plays no part. A method without a declaration gets a check that
 * refuses everyone: a module that forgets to declare is closed, not open.
 */
@Component(service = {DynamicFeature.class, AccessDeclarations.class})
@JaxrsExtension
@JaxrsName(RestNames.ACCESS)
public class AccessDeclarations implements DynamicFeature {

    private final AccessRules rules;

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

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new MethodAccess(declared(resource.getResourceClass(), resource.getResourceMethod()), rules),
                Priorities.AUTHORIZATION);
    }

    /** The segment's value as the resource receives it: matrix parameters ({@code ;x=1}) are not part of it. */
    static String withoutMatrix(String segment) {
        if (segment == null) {
            return null;
        }
        int matrix = segment.indexOf(';');
        return matrix < 0 ? segment : segment.substring(0, matrix);
    }

    /** The check in front of one resource method. */
    @Priority(Priorities.AUTHORIZATION)
    static final class MethodAccess implements ContainerRequestFilter {
        private final Audience audience;
        private final AccessRules rules;

        MethodAccess(Audience audience, AccessRules rules) {
            this.audience = audience;
            this.rules = rules;
        }

        @Override
        public void filter(ContainerRequestContext request) {
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
                answer = Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE,
                        Challenge.BASIC).build();
            }
            request.abortWith(answer);
        }
    }
}
