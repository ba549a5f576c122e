package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.Answers.created;

import java.io.InputStream;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.civicbackbone.api.store.DatabaseBackups;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The embedded database's backups under {@code /api/v1/backups}, for platform admins (ADR 0033): the folder's backups
 * and when the next scheduled one is due, a backup taken now, and a backup downloaded to keep it off the machine.
 */
@Component(service = BackupsResource.class)
@ApiResource
@Path(RestExtensions.API + "/backups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BackupsResource {

    private final DatabaseBackups backups;

    @Activate
    public BackupsResource(@Reference DatabaseBackups backups) {
        this.backups = backups;
    }

    @GET
    @Allow(Audience.PLATFORM_ADMINS)
    public DatabaseBackups.Overview overview() {
        return backups.overview();
    }

    /** Takes a backup while the platform serves, and checks it by opening it; 409 on PostgreSQL. */
    @POST
    @Allow(Audience.PLATFORM_ADMINS)
    public Response takeNow(@Context UriInfo uri) {
        return created(uri, backups.takeNow(), taken -> taken.backup().name());
    }

    /** The backup's zip, as an attachment: it holds every login's password hash and every partner's data. */
    @GET
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("{name}")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response download(@PathParam("name") String name) {
        InputStream zip = backups.open(name);
        StreamingOutput body = out -> {
            try (zip) {
                zip.transferTo(out);
            }
        };
        return Response.ok(body, "application/zip") // never cached: every answer carries no-store (SecurityHeaders)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
