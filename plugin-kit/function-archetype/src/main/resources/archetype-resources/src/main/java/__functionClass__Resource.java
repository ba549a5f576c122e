package ${package};

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.Answers;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST of the plugin under {@code /api/v1/initiatives/{id}/${functionId}}: JSON in and out, logins required. */
@Component(service = ${functionClass}Resource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + ${functionClass}Notes.FUNCTION_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ${functionClass}Resource {

    private final ${functionClass}Notes notes;

    @Activate
    public ${functionClass}Resource(@Reference ${functionClass}Notes notes) {
        this.notes = notes;
    }

    @GET
    @Allow(Audience.READERS)
    public Overview overview(@PathParam("initiativeId") String initiativeId) {
        return notes.overview(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("notes")
    public List<Note> notes(@PathParam("initiativeId") String initiativeId) {
        return notes.notes(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("notes")
    public Response write(@PathParam("initiativeId") String initiativeId, NoteSpec spec,
                          @Context SecurityContext security, @Context UriInfo uri) {
        return Answers.created(uri, notes.write(initiativeId, spec, Answers.actor(security)), Note::id);
    }
}
