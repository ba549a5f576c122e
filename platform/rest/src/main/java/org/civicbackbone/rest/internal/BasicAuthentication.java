package org.civicbackbone.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.config.JaasRealm;
import org.civicbackbone.api.login.ConsoleSession;
import org.civicbackbone.api.login.ConsoleSessions;
import org.civicbackbone.api.login.LoginDirectory;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
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
 * HTTP Basic authentication against a Karaf JAAS realm ({@code karaf}, whose logins the core keeps in the database,
 * ADR 0020). It only establishes who is calling: what they may do is decided after matching, from each
 * resource method's {@link org.civicbackbone.api.rest.Allow} declaration ({@link AccessDeclarations}), which this
 * extension requires, so a resource that selects authentication always gets the access checks too. A login the
 * realm accepted is trusted for a short while ({@link VerifiedLogins}) until any login changes (through this node:
 * at once; through another: within a second, {@link LoginDirectory#lastChange()}); a console session ({@link ConsoleSessions}, in the database, so any node
 * answers it) lasts until its login's password changes. Wrong
 * credentials are answered 401 at once; repeated failures of one user from one address are answered 429 with
 * {@code Retry-After} ({@link LoginThrottle}). A configuration change is applied in place: the filter never leaves
 * the application, so no request slips through while it changes.
 */
@Component(service = {ContainerRequestFilter.class, BasicAuthentication.class}, configurationPid = "org.civicbackbone.rest")
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
                + "trusted without asking the realm again (same user and password only; forgotten when the realm "
                + "changes or a password changes: through this node at once, through another within a second); 0 "
                + "checks every request against the realm")
        int verifiedLoginSeconds() default 30;

        @AttributeDefinition(name = "Console session idle limit (min)", description = "Minutes without a request "
                + "after which a web console sign-in ends")
        int sessionIdleMinutes() default 30;

        @AttributeDefinition(name = "Console session limit (h)", description = "Hours after which a web console "
                + "sign-in ends however busy it is")
        int sessionMaxHours() default 12;
    }

    /** Methods that change nothing: a console session needs no CSRF token for them. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** The role that makes a user a platform admin. */
    static final String ADMIN_ROLE = AccessRules.ADMIN_ROLE;

    private volatile LoginThrottle throttle;
    private volatile Duration sessionIdle;
    private volatile Duration sessionMaximum;
    private final ConsoleSessions sessions;
    private final RealmPasswords passwords;

    @Activate
    public BasicAuthentication(Config config, @Reference AccessDeclarations accessChecks,
                               @Reference ConsoleSessions sessions, @Reference LoginDirectory logins) {
        this.sessions = sessions;
        this.passwords = new RealmPasswords(logins);
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.throttle = new LoginThrottle(config.failedLoginLimit(),
                Duration.ofSeconds(Math.max(1, config.failedLoginWindowSeconds())), Clock.systemUTC());
        passwords.configure(config.realm(), Duration.ofSeconds(Math.max(0, config.verifiedLoginSeconds())));
        this.sessionIdle = Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes()));
        this.sessionMaximum = Duration.ofHours(Math.max(1, config.sessionMaxHours()));
    }

    /** A JAAS realm came, changed or went: what was verified against it may no longer hold. */
    @Reference(service = JaasRealm.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "realmChanged", unbind = "realmGone")
    void realmAdded(JaasRealm added) {
        realmChanged(added);
    }

    void realmChanged(JaasRealm changed) {
        passwords.forgetAll();
    }

    void realmGone(JaasRealm gone) {
        realmChanged(gone);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            Cookie cookie = request.getCookies().get(SessionResource.COOKIE);
            if (cookie != null) {
                signedIn(request, cookie.getValue());
            }
            return; // anonymous: the matched method's declaration decides (only PUBLIC ones answer)
        }
        String[] credentials = header.regionMatches(true, 0, "Basic ", 0, 6) ? RealmLogin.basicCredentials(header.substring(6).trim()) : null;
        if (credentials == null) {
            request.abortWith(Challenge.answer(AccessRules.unauthenticated(), request));
            return;
        }
        String address = Received.of(request).address();
        LoginThrottle guard = throttle;
        long wait = guard.retryAfterSeconds(credentials[0], address);
        if (wait > 0) {
            request.abortWith(Response.fromResponse(ProblemMapper.answer(LoginThrottle.tooMany(wait)))
                    .header(HttpHeaders.RETRY_AFTER, wait).build());
            return;
        }
        VerifiedLogins.Verified login = passwords.verify(credentials[0], credentials[1]);
        if (login == null) {
            guard.failed(credentials[0], address);
            request.abortWith(Challenge.answer(AccessRules.unauthenticated(), request));
            return;
        }
        guard.succeeded(credentials[0], address);
        actAs(request, login.user(), login.roles(), SecurityContext.BASIC_AUTH);
    }

    /**
     * A request of a console session: who signed in, if the session is live; a write must carry the session's CSRF
     * token. An ended session leaves the request anonymous (401 where a login is needed).
     */
    private void signedIn(ContainerRequestContext request, String token) {
        ConsoleSession session = sessions.find(token).orElse(null);
        if (session == null) {
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !session.csrfToken().equals(request.getHeaderString(SessionResource.CSRF_HEADER))) {
            request.abortWith(ProblemMapper.answer(new Problem("urn:civicbackbone:problem:csrf-token-missing",
                    "CSRF token missing", 403, "A write from a signed-in console session must carry the header "
                    + SessionResource.CSRF_HEADER + " with the token that signing in answered.", List.of())));
            return;
        }
        actAs(request, session.login(), session.roles(), SecurityContext.FORM_AUTH);
    }

    /**
     * Checks a sign-in form's user and password as a Basic header's are checked (the same realm and the same limit
     * on failed logins, counted per name and the caller's {@code address}) and starts a console session: the session's
     * cookie token and the session.
     */
    ConsoleSession signIn(String name, String password, String address) {
        VerifiedLogins.Verified login = checked(name, password, 401, "password", address);
        return sessions.open(login.user(), login.roles(), sessionIdle, sessionMaximum);
    }

    /**
     * Checks a login's password as a sign-in does (the same realm, the same limit on failed logins); a wrong one is
     * answered with {@code status} and a violation of {@code field}.
     */
    VerifiedLogins.Verified checked(String name, String password, int status, String field, String address) {
        LoginThrottle guard = throttle;
        long wait = guard.retryAfterSeconds(name, address);
        if (wait > 0) {
            throw new ProblemException(LoginThrottle.tooMany(wait));
        }
        VerifiedLogins.Verified login = passwords.verify(name, password);
        if (login == null) {
            guard.failed(name, address);
            throw new ProblemException(new Problem("urn:civicbackbone:problem:sign-in-refused", "Sign-in refused",
                    status, status == 401 ? "The user name or the password is wrong." : "The password is wrong.",
                    List.of(new Violation(field, "does not match" + (status == 401 ? " the user name" : "")))));
        }
        guard.succeeded(name, address);
        return login;
    }

    /** The console session of a cookie token, if it is live. */
    ConsoleSession session(String token) {
        return sessions.find(token).orElse(null);
    }

    /** Seconds a console session has left. */
    static long remainingSeconds(ConsoleSession session) {
        return Math.max(0, Duration.between(Instant.now(), session.endsAt()).toSeconds());
    }

    /** Ends a console session. */
    void signOut(String token) {
        sessions.close(token);
    }

    /** A login's password changed through this node: every login is checked against the realm again, at once. */
    void loginChanged() {
        passwords.loginChanged();
    }

    private static void actAs(ContainerRequestContext request, String user, Set<String> roles, String scheme) {
        request.setSecurityContext(new Caller(user, roles, request.getSecurityContext().isSecure(), scheme));
    }
}
