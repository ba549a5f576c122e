package org.civicbackbone.rest.internal;

import java.util.Set;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.login.ConsoleSession;
import org.civicbackbone.api.login.LoginDirectory;
import org.civicbackbone.api.login.PasswordSpec;
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

    /** The cookie that carries the session token. */
    static final String COOKIE = "backbone_session";
    /** The header that carries the session's CSRF token on writes. */
    static final String CSRF_HEADER = "X-CSRF-Token";

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

    /**
     * A new password for the signed-in login.
     *
     * @param currentPassword the password it has now
     * @param password        the new one: 10 to 200 characters
     */
    public record PasswordChange(@NotBlank String currentPassword, @NotNull @Size(min = 10, max = 200) String password) {
    }

    private final BasicAuthentication authentication;
    private final LoginDirectory logins;

    @Activate
    public SessionResource(@Reference BasicAuthentication authentication, @Reference LoginDirectory logins) {
        this.authentication = authentication;
        this.logins = logins;
    }

    @POST
    @Allow(Audience.PUBLIC)
    public Response signIn(SignIn form, @Context SecurityContext security, @Context HttpServletRequest received) {
        ConsoleSession session = authentication.signIn(form.user(), form.password(), Received.of(received).address());
        return Response.ok(signedIn(session))
                .header("Set-Cookie", cookie(session.token(), security.isSecure(), false)).build();
    }

    @GET
    @Allow(Audience.LOGGED_IN)
    public SignedIn who(@CookieParam(COOKIE) String token, @Context SecurityContext security) {
        ConsoleSession session = SecurityContext.FORM_AUTH.equals(security.getAuthenticationScheme())
                ? authentication.session(token) : null;
        if (session != null) {
            return signedIn(session);
        }
        return new SignedIn(security.getUserPrincipal().getName(), security.isUserInRole(AccessRules.ADMIN_ROLE),
                null, null);
    }

    /**
     * Changes the signed-in login's own password after checking the current one (403 naming {@code currentPassword}
     * when wrong; failures count toward the failed-login limit). The login's other sessions end; a console session
     * goes on as a new one (a new cookie and CSRF token), a Basic caller gets 204.
     */
    @PUT
    @Allow(Audience.LOGGED_IN)
    @Path("password")
    public Response changePassword(PasswordChange change, @CookieParam(COOKIE) String token,
                                   @Context SecurityContext security, @Context HttpServletRequest received) {
        String user = security.getUserPrincipal().getName();
        String address = Received.of(received).address();
        authentication.checked(user, change.currentPassword(), 403, "currentPassword", address);
        logins.setPassword(user, new PasswordSpec(change.password()), user);
        authentication.loginChanged();
        if (!SecurityContext.FORM_AUTH.equals(security.getAuthenticationScheme())) {
            return Response.noContent().build();
        }
        authentication.signOut(token);
        ConsoleSession renewed = authentication.signIn(user, change.password(), address);
        return Response.ok(signedIn(renewed))
                .header("Set-Cookie", cookie(renewed.token(), security.isSecure(), false)).build();
    }

    @DELETE
    @Allow(Audience.PUBLIC)
    public Response signOut(@CookieParam(COOKIE) String token, @Context SecurityContext security) {
        authentication.signOut(token);
        return Response.noContent().header("Set-Cookie", cookie("", security.isSecure(), true)).build();
    }

    private static SignedIn signedIn(ConsoleSession session) {
        Set<String> roles = session.roles();
        return new SignedIn(session.login(), roles.contains(AccessRules.ADMIN_ROLE), session.csrfToken(),
                BasicAuthentication.remainingSeconds(session));
    }

    /** The session cookie; written by hand because JAX-RS 2.1's {@link NewCookie} has no SameSite. */
    static String cookie(String token, boolean secure, boolean expire) {
        return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }
}
