package org.civicbackbone.measurement.internal;

import static org.civicbackbone.api.rest.Answers.CSV;
import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.QueryParameters;
import org.civicbackbone.api.rest.Live;
import org.civicbackbone.api.rest.RestExtensions;
import org.civicbackbone.api.rest.Upload;
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
    private final ValueImports imports;

    @Activate
    public SharedMeasurementResource(@Reference SharedMeasurement measurement, @Reference ValueImports imports) {
        this.measurement = measurement;
        this.imports = imports;
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

    /**
     * Changes an indicator's definition, given whole as when it was defined: 409 naming the field when values already
     * reported would not suit it (a bound they cross, another kind of period).
     */
    @PUT
    @Allow(Audience.STAFF)
    @Path("indicators/{indicatorId}")
    public Indicator updateIndicator(@PathParam("initiativeId") String initiativeId,
                                     @PathParam("indicatorId") long indicatorId, IndicatorSpec spec,
                                     @Context SecurityContext security) {
        return measurement.updateIndicator(initiativeId, indicatorId, spec, actor(security));
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
        return measurement.series(initiativeId, indicatorId, QueryParameters.text(dimension).orElse(null));
    }

    /** The result of an import. */
    public record Imported(int imported) {
    }

    /**
     * Imports a CSV file of values, all or nothing. A file up to 1 MiB is imported during the request (200 with the
     * count) unless the client sends {@code Prefer: respond-async}; a larger one, or one asked for so, becomes a job:
     * 202 with the job and its {@code Location}, whose progress and outcome {@link #importJob} shows.
     */
    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("values/import")
    @Consumes(CSV)
    @Upload
    public Response importValues(@PathParam("initiativeId") String initiativeId, InputStream csv,
                                 @HeaderParam("Prefer") String prefer, @Context HttpHeaders headers,
                                 @Context SecurityContext security, @Context UriInfo uri) {
        measurement.require(initiativeId);
        ReportingScope scope = scope(initiativeId, security);
        ValueUpload upload = ValueUpload.receive(csv, charset(headers.getMediaType()));
        if (upload.small() && (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("respond-async"))) {
            return Response.ok(new Imported(measurement.importValues(initiativeId, upload.text(), actor(security),
                    scope))).build();
        }
        ImportJob job = imports.start(initiativeId, upload, actor(security), scope);
        URI location = uri.getAbsolutePath().resolve("imports/" + job.id()); // .../values/import -> .../values/imports/7
        return Response.accepted(job).location(location).build();
    }

    /** The charset the upload declares (UTF-8 when it declares none); 415 for one this platform does not know. */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(new Problem("about:blank", "Unsupported Media Type", 415, "The body's charset '"
                    + name + "' is not one this platform reads; send UTF-8.", List.of()));
        }
    }

    @GET
    @Allow(Audience.READERS)
    @Live // a running job's counts are in memory
    @Path("values/imports")
    public List<ImportJob> importJobs(@PathParam("initiativeId") String initiativeId) {
        return imports.jobs(initiativeId);
    }

    /** An import's progress (rows read, checked, stored) and outcome, with its faults by row and column. */
    @GET
    @Allow(Audience.READERS)
    @Live
    @Path("values/imports/{importId}")
    public ImportJob importJob(@PathParam("initiativeId") String initiativeId, @PathParam("importId") long importId) {
        return imports.job(initiativeId, importId);
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
