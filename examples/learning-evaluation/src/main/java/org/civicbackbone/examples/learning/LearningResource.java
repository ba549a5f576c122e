package org.civicbackbone.examples.learning;

import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;

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
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST of the plugin under {@code /api/v1/initiatives/{id}/learning-evaluation}. */
@Component(service = LearningResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + Learning.FUNCTION_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LearningResource {

    private final Learning learning;

    @Activate
    public LearningResource(@Reference Learning learning) {
        this.learning = learning;
    }

    @GET
    @Allow(Audience.READERS)
    public Records.Overview overview(@PathParam("initiativeId") String initiativeId) {
        return learning.overview(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("questions")
    public List<Records.Question> questions(@PathParam("initiativeId") String initiativeId) {
        return learning.questions(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("questions")
    public Response ask(@PathParam("initiativeId") String initiativeId, Records.QuestionSpec spec,
                        @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, learning.ask(initiativeId, spec, actor(security)), Records.Question::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("questions/{questionId}")
    public Records.Question question(@PathParam("initiativeId") String initiativeId, @PathParam("questionId") long id) {
        return learning.question(initiativeId, id);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("questions/{questionId}/evidence")
    public Response evidence(@PathParam("initiativeId") String initiativeId, @PathParam("questionId") long id,
                             Records.EvidenceSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, learning.addEvidence(initiativeId, id, spec,
                actor(security)), Records.Evidence::id);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("questions/{questionId}/reflections")
    public Response reflect(@PathParam("initiativeId") String initiativeId, @PathParam("questionId") long id,
                            Records.ReflectionSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, learning.reflect(initiativeId, id, spec,
                actor(security)), Records.Reflection::id);
    }
}
