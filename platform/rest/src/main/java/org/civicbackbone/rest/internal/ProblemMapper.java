package org.civicbackbone.rest.internal;

import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
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
 *
 * <p>What is served at an address (404: nothing matched it; 405: not with that method) depends on the application
 * being whole. A request that reached the application without passing the API's front filter ({@link
 * ContainerRefusals}) came while the platform was starting, before the web server put that filter in front of the
 * JAX-RS servlet; the application may then lack resources still arriving, and Jetty has the answer on the wire before
 * the server's own guard ({@code ApiBeforeItIsServed}) could replace it. Such an answer is 503 "not served yet", so a
 * balancer polling health during the start never sees a 404.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(RestNames.PROBLEMS)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    /** The request answered (CXF's proxy for the current one); null outside a servlet, as in unit tests. */
    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        return answer(failure, request == null || !isApi(request.getRequestURI())
                || request.getAttribute(ContainerRefusals.TOOK_REQUEST) != null);
    }

    /**
     * The answer to a failure; {@code inPlace} false for a request to the API that did not pass its front filter, whose
     * unmatched address or method is then not served yet rather than absent.
     */
    static Response answer(Throwable failure, boolean inPlace) {
        Problem problem = problem(failure);
        boolean unmatched = failure instanceof WebApplicationException w && !(w.getCause() instanceof ProblemException)
                && (problem.status() == 404 || problem.status() == 405);
        return unmatched && !inPlace ? notServedYet() : answer(problem);
    }

    private static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** The answer while the API is not in place: the same one the front filter gives in a gap. */
    static Response notServedYet() {
        return Response.fromResponse(answer(new Problem("about:blank", "Service Unavailable", 503,
                ContainerRefusals.NOT_SERVED, List.of()))).header("Retry-After", "1").build();
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
