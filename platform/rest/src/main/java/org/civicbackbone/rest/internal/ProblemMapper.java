package org.civicbackbone.rest.internal;

import java.util.List;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every failure as {@code application/problem+json}: problems thrown by modules as they are, JAX-RS
 * errors (unknown path, wrong method, unsupported media type) with their status, anything else as a 500 that is
 * logged with its stack trace and shows the caller no internals.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(RestNames.PROBLEMS)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        return answer(problem(failure));
    }

    static Problem problem(Throwable failure) {
        if (failure instanceof ProblemException p) {
            return p.problem();
        }
        if (failure instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            if (w.getCause() instanceof ProblemException p) {
                return p.problem();
            }
            String title = Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            String detail = switch (status) {
                case 404 -> "There is nothing at this address.";
                case 405 -> "This address does not accept that method.";
                case 406 -> "This address answers JSON (application/json) or CSV (text/csv) only.";
                case 415 -> "This address does not accept that content type; send application/json (or text/csv where documented).";
                default -> w.getMessage();
            };
            return new Problem("about:blank", title, status, detail, List.of());
        }
        LOG.error("Unexpected failure while serving a request", failure);
        return new Problem("urn:civicbackbone:problem:internal", "Internal error", 500,
                "The platform could not complete the request; the error was logged.", List.of());
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
