package org.civicbackbone.console.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The pages installed modules add to the console, at {@code /api/v1/console/pages}: read on every visit of the
 * console, so a module installed or uninstalled a moment ago shows or hides its pages without a reload of anything.
 */
@Component(service = ConsolePagesResource.class)
@ApiResource
@Path(RestExtensions.API + "/console/pages")
@Produces(MediaType.APPLICATION_JSON)
public class ConsolePagesResource {

    private final ContributedPages contributed;

    @Activate
    public ConsolePagesResource(@Reference ContributedPages contributed) {
        this.contributed = contributed;
    }

    @GET
    @Allow(Audience.LOGGED_IN)
    public List<ContributedPages.ContributedPage> pages() {
        return contributed.pages();
    }
}
