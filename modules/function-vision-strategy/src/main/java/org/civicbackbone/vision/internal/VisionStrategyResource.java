package org.civicbackbone.vision.internal;

import static org.civicbackbone.api.rest.Answers.CSV;
import static org.civicbackbone.api.rest.Answers.accepted;
import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;
import static org.civicbackbone.api.rest.Answers.csv;

import java.util.List;
import java.util.OptionalLong;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.QueryParameters;
import org.civicbackbone.api.rest.RestExtensions;
import org.civicbackbone.vision.internal.CommonAgenda.AdoptionSpec;
import org.civicbackbone.vision.internal.CommonAgenda.Overview;
import org.civicbackbone.vision.internal.CommonAgenda.Version;
import org.civicbackbone.vision.internal.CommonAgenda.VersionSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST of the vision and strategy function under {@code /api/v1/initiatives/{id}/vision-strategy}. */
@Component(service = VisionStrategyResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + VisionStrategy.FUNCTION_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisionStrategyResource {

    private final VisionStrategy visionStrategy;

    @Activate
    public VisionStrategyResource(@Reference VisionStrategy visionStrategy) {
        this.visionStrategy = visionStrategy;
    }

    @GET
    @Allow(Audience.READERS)
    public Overview overview(@PathParam("initiativeId") String initiativeId) {
        return visionStrategy.overview(initiativeId);
    }

    /** The agenda in force (404 problem while none is adopted). */
    @GET
    @Allow(Audience.READERS)
    @Path("agenda")
    public Version agenda(@PathParam("initiativeId") String initiativeId) {
        return visionStrategy.agenda(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("versions")
    public List<Version> versions(@PathParam("initiativeId") String initiativeId) {
        return visionStrategy.versions(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("versions")
    public Response draft(@PathParam("initiativeId") String initiativeId, VersionSpec spec,
                          @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, visionStrategy.draft(initiativeId, spec, actor(security)), Version::number);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("versions/{number}")
    public Version version(@PathParam("initiativeId") String initiativeId, @PathParam("number") int number) {
        return visionStrategy.version(initiativeId, number);
    }

    /** Puts the version to adoption: 202, it is the agenda only once the bodies approve. */
    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("versions/{number}/adoption")
    public Response adopt(@PathParam("initiativeId") String initiativeId, @PathParam("number") int number,
                          AdoptionSpec spec, @Context SecurityContext security) {
        return accepted(visionStrategy.proposeAdoption(initiativeId, number, spec,
                actor(security)));
    }

    /** Goals and strategies as CSV: the adopted version, or {@code ?version=N}. */
    @GET
    @Allow(Audience.READERS)
    @Path("goals/export")
    @Produces(CSV)
    public Response export(@PathParam("initiativeId") String initiativeId, @QueryParam("version") String version) {
        OptionalLong number = QueryParameters.whole("version", version, 1, Integer.MAX_VALUE);
        return csv(visionStrategy.exportGoals(initiativeId, number.isPresent() ? (int) number.getAsLong() : null),
                initiativeId + "-goals.csv");
    }
}
