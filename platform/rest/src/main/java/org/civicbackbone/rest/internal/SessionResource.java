package org.civicbackbone.rest.internal;

import java.util.Map;
import java.util.Set;
import jakarta.validation.constraints.NotBlank;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Signing in to the web console under {@code /api/v1/session}: {@code POST} checks a user and password against the
 * realm and answers a session cookie (HttpOnly, SameSite=Strict) and the CSRF token that writes must carry;
 * {@code GET} says who is signed in; {@code DELETE} signs out. Scripts keep using HTTP Basic.
 */
@Component(service = SessionResource.class)
@ApiResource
@Path(RestExtensions.API + "/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** A sign-in form. */
    public record SignIn(@NotBlank String user, @NotBlank String password) {
    }

    /**
     * Who is signed in.
     *
     * @param user             the login
     * @param platformAdmin    whether they administer the platform
     * @param csrfToken        the token a console session's writes carry in {@code X-CSRF-Token}; null for Basic
     * @param expiresInSeconds how long the session lasts unless used; null for Basic
     */
    public record SignedIn(String user, boolean platformAdmin, String csrfToken, Long expiresInSeconds) {
    }

    private final BasicAuthentication authentication;

    @Activate
    public SessionResource(@Reference BasicAuthentication authentication) {
        this.authentication = authentication;
    }

    @POST
    @Allow(Audience.PUBLIC)
    public Response signIn(SignIn form, @Context SecurityContext security) {
        Map.Entry<String, SignedInSessions.Session> started = authentication.signIn(form.user(), form.password());
        SignedInSessions.Session session = started.getValue();
        return Response.ok(signedIn(session))
                .header("Set-Cookie", cookie(started.getKey(), security.isSecure(), false)).build();
    }

    @GET
    @Allow(Audience.LOGGED_IN)
    public SignedIn who(@CookieParam(SignedInSessions.COOKIE) String token, @Context SecurityContext security) {
        SignedInSessions.Session session = SecurityContext.FORM_AUTH.equals(security.getAuthenticationScheme())
                ? authentication.session(token) : null;
        if (session != null) {
            return signedIn(session);
        }
        return new SignedIn(security.getUserPrincipal().getName(), security.isUserInRole(AccessRules.ADMIN_ROLE),
                null, null);
    }

    @DELETE
    @Allow(Audience.PUBLIC)
    public Response signOut(@CookieParam(SignedInSessions.COOKIE) String token, @Context SecurityContext security) {
        authentication.signOut(token);
        return Response.noContent().header("Set-Cookie", cookie("", security.isSecure(), true)).build();
    }

    private SignedIn signedIn(SignedInSessions.Session session) {
        Set<String> roles = session.roles();
        return new SignedIn(session.user(), roles.contains(AccessRules.ADMIN_ROLE), session.csrfToken(),
                authentication.remainingSeconds(session));
    }

    /** The session cookie; written by hand because JAX-RS 2.1's {@link NewCookie} has no SameSite. */
    static String cookie(String token, boolean secure, boolean expire) {
        return SignedInSessions.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }
}
