package org.civicbackbone.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Priority;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.problem.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * HTTP Basic authentication of every request against a Karaf JAAS realm ({@code karaf}, whose users live in
 * {@code etc/users.properties}), except {@code GET /api/v1/health}. Runs before resource matching, so unknown
 * addresses also need credentials and reveal nothing.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.civicbackbone.rest")
@Designate(ocd = BasicAuthentication.Config.class)
@JaxrsExtension
@JaxrsName(RestNames.AUTH)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthentication implements ContainerRequestFilter {

    /** Settings of the REST authentication. */
    @ObjectClassDefinition(name = "Civic Backbone REST", description = "Authentication of the REST API")
    public @interface Config {
        @AttributeDefinition(name = "JAAS realm", description = "The Karaf JAAS realm that checks passwords")
        String realm() default "karaf";
    }

    /** The role that makes a user a platform admin. */
    static final String ADMIN_ROLE = "admin";

    /** An initiative's address: its id and what follows. */
    private static final java.util.regex.Pattern INITIATIVE_PATH =
            java.util.regex.Pattern.compile("^/?api/v1/initiatives/([^/]+)(/.*)?$");

    private final String realm;
    private final InitiativeAccess access;

    @Activate
    public BasicAuthentication(Config config, @Reference InitiativeAccess access) {
        this.realm = config.realm();
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ("GET".equals(request.getMethod()) && path.replaceAll("^/+|/+$", "").equals("api/v1/health")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Subject subject = header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) ? null : login(header.substring(6).trim());
        if (subject == null) {
            Problem problem = new Problem("urn:civicbackbone:problem:unauthenticated", "Unauthorized", 401,
                    "Log in with HTTP Basic authentication (user and password of the platform).", List.of());
            request.abortWith(javax.ws.rs.core.Response.fromResponse(ProblemMapper.answer(problem))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Civic Backbone\", charset=\"UTF-8\"").build());
            return;
        }
        String user = subject.getPrincipals(UserPrincipal.class).stream().findFirst().map(Principal::getName).orElse("?");
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toSet());
        Problem refusal = authorise(request.getMethod(), path, user, roles.contains(ADMIN_ROLE));
        if (refusal != null) {
            request.abortWith(ProblemMapper.answer(refusal));
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        });
    }

    /**
     * Per-initiative authorisation: nobody learns of an initiative they have no role in (404, as if it did not
     * exist); observers only read; only admins and backbone staff change an initiative's set-up; only admins create
     * initiatives. Returns the refusal, or null to let the request through.
     */
    Problem authorise(String method, String path, String user, boolean admin) {
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String clean = path.replaceAll("/+$", "");
        if (clean.matches("^/?api/v1/initiatives") && method.equals("POST") && !admin) {
            return forbidden("Only platform admins create initiatives.");
        }
        java.util.regex.Matcher m = INITIATIVE_PATH.matcher(clean);
        if (!m.matches()) {
            return null;
        }
        String initiativeId = m.group(1);
        String rest = m.group(2) == null ? "" : m.group(2);
        java.util.Optional<AccessRole> role = access.role(initiativeId, user, admin);
        if (role.isEmpty()) {
            return Problem.notFound("There is no initiative '" + initiativeId + "'.");
        }
        if (read) {
            return null;
        }
        if (!role.get().writes()) {
            return forbidden("Observers of '" + initiativeId + "' read only.");
        }
        boolean setup = rest.isEmpty() || rest.startsWith("/bodies") || rest.startsWith("/functions");
        if (setup && !role.get().governsSetup()) {
            return forbidden("Only backbone staff and platform admins change the set-up of '" + initiativeId + "'.");
        }
        return null;
    }

    private static Problem forbidden(String detail) {
        return new Problem("urn:civicbackbone:problem:forbidden", "Forbidden", 403, detail, List.of());
    }

    private Subject login(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = new Subject();
        // JAAS loads the login module through the context class loader: point it at Karaf's boot class path.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback n) {
                        n.setName(name);
                    } else if (callback instanceof PasswordCallback p) {
                        p.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            return subject;
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
