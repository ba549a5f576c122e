package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.initiative.PersonRegistry;
import org.civicbackbone.api.initiative.PersonSpec;
import org.civicbackbone.api.login.LoginDirectory;
import org.civicbackbone.api.login.LoginSpec;
import org.civicbackbone.api.login.PasswordSpec;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The people on an initiative's record under {@code /api/v1/initiatives/{id}/people}: each once, with the seats they
 * hold; staff record people and change them (a change reaches every seat), and create or reset their logins.
 */
@Component(service = PeopleResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + "people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private final PersonRegistry people;
    private final LoginDirectory logins;
    private final BasicAuthentication authentication;

    @Activate
    public PeopleResource(@Reference PersonRegistry people, @Reference LoginDirectory logins,
                          @Reference BasicAuthentication authentication) {
        this.people = people;
        this.logins = logins;
        this.authentication = authentication;
    }

    @GET
    @Allow(Audience.READERS)
    public List<Person> people(@PathParam(Allow.INITIATIVE) String initiativeId) {
        return people.people(initiativeId);
    }

    @POST
    @Allow(Audience.STAFF)
    public Response register(@PathParam(Allow.INITIATIVE) String initiativeId, PersonSpec spec,
                             @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, people.register(initiativeId, spec, actor(security)), Person::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("{personId}")
    public Person person(@PathParam(Allow.INITIATIVE) String initiativeId, @PathParam("personId") long personId) {
        return people.person(initiativeId, personId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("{personId}/seats")
    public List<Membership> seats(@PathParam(Allow.INITIATIVE) String initiativeId,
                                  @PathParam("personId") long personId) {
        return people.seats(initiativeId, personId);
    }

    @PUT
    @Allow(Audience.STAFF)
    @Path("{personId}")
    public Person update(@PathParam(Allow.INITIATIVE) String initiativeId, @PathParam("personId") long personId,
                         PersonSpec spec, @Context SecurityContext security) {
        return people.update(initiativeId, personId, spec, actor(security));
    }

    /** Creates a login for the person and links it to them (and so to their seats); 201 with the person. */
    @POST
    @Allow(Audience.STAFF)
    @Path("{personId}/login")
    public Response createLogin(@PathParam(Allow.INITIATIVE) String initiativeId, @PathParam("personId") long personId,
                                LoginSpec spec, @Context SecurityContext security) {
        Person person = logins.createFor(initiativeId, personId, spec, actor(security));
        return Response.created(URI.create(RestExtensions.INITIATIVE.replace("{" + Allow.INITIATIVE + "}", initiativeId)
                + "people/" + personId)).entity(person).build();
    }

    /** Gives the person's login a new password; 204. */
    @PUT
    @Allow(Audience.STAFF)
    @Path("{personId}/login/password")
    public Response resetPassword(@PathParam(Allow.INITIATIVE) String initiativeId,
                                  @PathParam("personId") long personId, PasswordSpec spec,
                                  @Context SecurityContext security) {
        logins.resetFor(initiativeId, personId, spec, actor(security));
        authentication.loginChanged();
        return Response.noContent().build();
    }
}
