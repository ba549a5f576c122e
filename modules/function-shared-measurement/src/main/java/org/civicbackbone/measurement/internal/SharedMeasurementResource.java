package org.civicbackbone.measurement.internal;

import static org.civicbackbone.api.rest.Answers.CSV;
import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;

import java.net.URI;
import java.util.List;
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
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST of the shared measurement function under {@code /api/v1/initiatives/{id}/shared-measurement}. */
@Component(service = SharedMeasurementResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + SharedMeasurement.FUNCTION_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SharedMeasurementResource {

    private final SharedMeasurement measurement;

    @Activate
    public SharedMeasurementResource(@Reference SharedMeasurement measurement) {
        this.measurement = measurement;
    }

    private ReportingScope scope(String initiativeId, SecurityContext security) {
        return measurement.scope(initiativeId, actor(security), security.isUserInRole("admin"));
    }

    @GET
    @Allow(Audience.READERS)
    public SharedMeasurement.Overview overview(@PathParam("initiativeId") String initiativeId) {
        return measurement.overview(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("indicators")
    public List<Indicator> indicators(@PathParam("initiativeId") String initiativeId) {
        return measurement.indicators(initiativeId);
    }

    @POST
    @Allow(Audience.STAFF)
    @Path("indicators")
    public Response addIndicator(@PathParam("initiativeId") String initiativeId, IndicatorSpec spec,
                                 @Context SecurityContext security) {
        Indicator created = measurement.addIndicator(initiativeId, spec, actor(security));
        return Response.created(URI.create(RestExtensions.API + "/initiatives/" + initiativeId
                + "/shared-measurement/indicators/" + created.id())).entity(created).build();
    }

    @GET
    @Allow(Audience.READERS)
    @Path("indicators/{indicatorId}")
    public SharedMeasurement.IndicatorStatus indicator(@PathParam("initiativeId") String initiativeId,
                                                       @PathParam("indicatorId") long indicatorId) {
        Indicator indicator = measurement.indicator(initiativeId, indicatorId);
        return new SharedMeasurement.IndicatorStatus(indicator, measurement.progress(indicator));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("indicators/{indicatorId}/values")
    public List<ReportedValue> values(@PathParam("initiativeId") String initiativeId,
                                      @PathParam("indicatorId") long indicatorId) {
        return measurement.values(initiativeId, indicatorId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("indicators/{indicatorId}/values")
    public Response report(@PathParam("initiativeId") String initiativeId, @PathParam("indicatorId") long indicatorId,
                           ValueReport report, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, measurement.report(initiativeId, indicatorId, report, actor(security),
                scope(initiativeId, security)), ReportedValue::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("indicators/{indicatorId}/corrections")
    public List<CorrectionRecords.Correction> corrections(@PathParam("initiativeId") String initiativeId,
                                                          @PathParam("indicatorId") long indicatorId) {
        return measurement.corrections(initiativeId, indicatorId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("indicators/{indicatorId}/series")
    public List<SeriesPoint> series(@PathParam("initiativeId") String initiativeId,
                                    @PathParam("indicatorId") long indicatorId, @QueryParam("by") String dimension) {
        return measurement.series(initiativeId, indicatorId, dimension == null || dimension.isBlank() ? null : dimension);
    }

    /** The result of an import. */
    public record Imported(int imported) {
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("values/import")
    @Consumes(CSV)
    public Imported importValues(@PathParam("initiativeId") String initiativeId, String csv,
                                 @Context SecurityContext security) {
        return new Imported(measurement.importValues(initiativeId, csv == null ? "" : csv, actor(security),
                scope(initiativeId, security)));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("values/export")
    @Produces(CSV)
    public Response exportValues(@PathParam("initiativeId") String initiativeId) {
        return Response.ok(measurement.exportValues(initiativeId), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + initiativeId + "-values.csv\"").build();
    }
}
