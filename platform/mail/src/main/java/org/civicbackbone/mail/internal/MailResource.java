package org.civicbackbone.mail.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The e-mail digest under {@code /api/v1/mail}. For platform admins: whether it is on and today's log, today's
 * digests sent at once (those not sent yet), and a letter that shows the settings reach the mail server. For anyone
 * signed in: their own digest ({@code mine}), and how often they want it.
 */
@Component(service = MailResource.class)
@ApiResource
@Path(RestExtensions.API + "/mail")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MailResource {

    private final DailyDigests digests;

    @Activate
    public MailResource(@Reference DailyDigests digests) {
        this.digests = digests;
    }

    /** Whether the digests are sent (and if not, why), where and when they go, and today's log. */
    @GET
    @Allow(Audience.PLATFORM_ADMINS)
    public DailyDigests.Status status() {
        return digests.status();
    }

    /**
     * Sends today's digests that are not sent yet, now rather than at the hour set, and answers today's log: a digest
     * already sent today is not sent again. 409 while mail is off.
     */
    @POST
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("digests")
    public List<Digest> sendToday() {
        return digests.sendToday();
    }

    /** The digest of the person signed in: where it goes, how often they chose, and whether digests go at all. */
    @GET
    @Allow(Audience.LOGGED_IN)
    @Path("mine")
    public DailyDigests.MyDigest mine(@Context SecurityContext security) {
        return digests.mine(security.getUserPrincipal().getName());
    }

    /** How often the person signed in wants their digest: DAILY, WEEKLY (on Mondays) or NONE. */
    @PUT
    @Allow(Audience.LOGGED_IN)
    @Path("mine")
    public DailyDigests.MyDigest choose(DigestChoiceSpec spec, @Context SecurityContext security) {
        return digests.choose(security.getUserPrincipal().getName(), spec.frequency());
    }

    /**
     * Stops a digest through its letter's link, nobody signing in: what a mail program posts when its reader asks it
     * to unsubscribe ({@code List-Unsubscribe=One-Click}, RFC 8058), and what the console's stop page posts. The body,
     * if any, is not read. 400 naming {@code token} when the link is not a letter's to that login.
     */
    @POST
    @Allow(Audience.PUBLIC)
    @Path("stop")
    @Consumes(MediaType.WILDCARD)
    public DailyDigests.MyDigest stop(@QueryParam("login") String login, @QueryParam("token") String token,
                                      String oneClick) {
        return digests.stopThroughLink(login, token);
    }

    /**
     * Sends a letter that says only that mail works, also while the digests are not enabled: 502 with what the mail
     * server said when it cannot be reached or refuses it; 409 while the settings are wrong.
     */
    @POST
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("test")
    public DailyDigests.TestLetter test(TestLetterSpec spec) {
        return digests.sendTestLetter(spec.to());
    }
}
