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
import org.civicbackbone.api.problem.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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

    private final String realm;

    @Activate
    public BasicAuthentication(Config config) {
        this.realm = config.realm();
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
