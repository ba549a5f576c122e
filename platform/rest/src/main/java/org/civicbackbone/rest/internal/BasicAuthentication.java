package org.civicbackbone.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.civicbackbone.api.problem.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * HTTP Basic authentication against a Karaf JAAS realm ({@code karaf}, whose users live in {@code
 * etc/users.properties}). It only establishes who is calling: what they may do is decided after matching, from each
 * resource method's {@link org.civicbackbone.api.rest.Allow} declaration ({@link AccessDeclarations}), which this
 * extension requires, so a resource that selects authentication always gets the access checks too. A login the
 * realm accepted is trusted for a short while ({@link VerifiedLogins}) until the realm or its users file changes. Wrong
 * credentials are answered 401 at once; repeated failures of one user from one address are answered 429 with
 * {@code Retry-After} ({@link LoginThrottle}). A configuration change is applied in place: the filter never leaves
 * the application, so no request slips through while it changes.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.civicbackbone.rest")
@Designate(ocd = BasicAuthentication.Config.class)
@JaxrsExtension
@JaxrsName(RestNames.AUTH)
@JaxrsExtensionSelect("(osgi.jaxrs.name=" + RestNames.ACCESS + ")")
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthentication implements ContainerRequestFilter {

    /** Settings of the REST authentication. */
    @ObjectClassDefinition(name = "Civic Backbone REST", description = "Authentication of the REST API")
    public @interface Config {
        @AttributeDefinition(name = "JAAS realm", description = "The Karaf JAAS realm that checks passwords")
        String realm() default "karaf";

        @AttributeDefinition(name = "Failed logins allowed", description = "Failed logins of one user from one "
                + "address within the window before further tries are refused with 429")
        int failedLoginLimit() default 5;

        @AttributeDefinition(name = "Failed login window (s)", description = "Seconds over which failed logins count")
        int failedLoginWindowSeconds() default 300;

        @AttributeDefinition(name = "Verified login kept (s)", description = "Seconds a login the realm accepted is "
                + "trusted without asking the realm again (same user and password only; forgotten at once when the "
                + "realm or its users file changes); 0 checks every request against the realm")
        int verifiedLoginSeconds() default 30;
    }

    /** The challenge sent with every 401. */
    static final String CHALLENGE = "Basic realm=\"Civic Backbone\", charset=\"UTF-8\"";

    /** The role that makes a user a platform admin. */
    static final String ADMIN_ROLE = AccessRules.ADMIN_ROLE;

    private volatile String realm;
    private volatile LoginThrottle throttle;
    private volatile VerifiedLogins verified = new VerifiedLogins(0, System::nanoTime);
    private final RealmFiles realmFiles = new RealmFiles();
    private final Set<JaasRealm> realms = ConcurrentHashMap.newKeySet();

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public BasicAuthentication(Config config, @Reference AccessDeclarations accessChecks) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.realm = config.realm();
        this.throttle = new LoginThrottle(config.failedLoginLimit(),
                Duration.ofSeconds(Math.max(1, config.failedLoginWindowSeconds())), Clock.systemUTC());
        VerifiedLogins previous = verified;
        this.verified = new VerifiedLogins(Duration.ofSeconds(Math.max(0, config.verifiedLoginSeconds())).toNanos(),
                System::nanoTime);
        previous.forgetAll(); // a request that checked against the old realm must not remember its login
        realmFiles.watch(realms, realm);
    }

    /** A JAAS realm came, changed or went: what was verified against it may no longer hold. */
    @Reference(service = JaasRealm.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "realmChanged", unbind = "realmGone")
    void realmAdded(JaasRealm added) {
        realms.add(added);
        realmChanged(added);
    }

    void realmChanged(JaasRealm changed) {
        realmFiles.watch(realms, realm);
        verified.forgetAll();
    }

    void realmGone(JaasRealm gone) {
        realms.remove(gone);
        realmChanged(gone);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return; // anonymous: the matched method's declaration decides (only PUBLIC ones answer)
        }
        String[] credentials = header.regionMatches(true, 0, "Basic ", 0, 6) ? credentials(header.substring(6).trim()) : null;
        if (credentials == null) {
            request.abortWith(challenge(AccessRules.unauthenticated()));
            return;
        }
        String address = address();
        LoginThrottle guard = throttle;
        long wait = guard.retryAfterSeconds(credentials[0], address);
        if (wait > 0) {
            request.abortWith(Response.fromResponse(ProblemMapper.answer(new Problem(
                    "urn:civicbackbone:problem:too-many-logins", "Too many failed logins", 429,
                    "Too many failed logins for this user from this address; try again in " + wait + " s.",
                    List.of()))).header(HttpHeaders.RETRY_AFTER, wait).build());
            return;
        }
        VerifiedLogins.Verified login = verify(credentials[0], credentials[1]);
        if (login == null) {
            guard.failed(credentials[0], address);
            request.abortWith(challenge(AccessRules.unauthenticated()));
            return;
        }
        guard.succeeded(credentials[0], address);
        String user = login.user();
        Set<String> roles = login.roles();
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

    /** Who these credentials are, from a recent check or from the realm; null when the realm refuses them. */
    private VerifiedLogins.Verified verify(String name, String password) {
        VerifiedLogins logins = verified;
        if (realmFiles.changed()) {
            logins.forgetAll();
        }
        long generation = logins.generation();
        VerifiedLogins.Verified known = logins.find(name, password);
        if (known != null) {
            return known;
        }
        Subject subject = login(name, password.toCharArray());
        if (subject == null) {
            return null;
        }
        VerifiedLogins.Verified login = new VerifiedLogins.Verified(
                subject.getPrincipals(UserPrincipal.class).stream().findFirst().map(Principal::getName).orElse(name),
                subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                        .collect(Collectors.toUnmodifiableSet()));
        logins.remember(name, password, login, generation);
        return login;
    }

    private String address() {
        try {
            HttpServletRequest servlet = servletRequest;
            String address = servlet == null ? null : servlet.getRemoteAddr();
            return address == null ? "unknown" : address;
        } catch (RuntimeException e) {
            return "unknown"; // no request bound to this thread
        }
    }

    private static Response challenge(Problem problem) {
        return Response.fromResponse(ProblemMapper.answer(problem)).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    /** The user and password of a Basic header, or null when it cannot be read. */
    static String[] credentials(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private Subject login(String name, char[] password) {
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
