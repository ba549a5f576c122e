package org.civicbackbone.rest.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every failure as {@code application/problem+json}: problems thrown by modules as they are, JAX-RS
 * errors (unknown path, wrong method, unsupported media type) with their status, a write that could not wait for
 * records another request held (or deadlocked with it) as a 503 to send again, anything else as a 500 that is
 * logged with its stack trace and shows the caller no internals.
 *
 * <p>What is served at an address (404: nothing matched it; 405: not with that method) depends on the application
 * being whole. A request that reached the application without passing the API's front filter ({@link
 * ContainerRefusals}) came while the platform was starting, before the web server put that filter in front of the
 * JAX-RS servlet; the application may then lack resources still arriving, and Jetty has the answer on the wire before
 * the server's own guard ({@code ApiBeforeItIsServed}) could replace it. Such an answer is 503 "not served yet", so a
 * balancer polling health during the start never sees a 404.
 *
 * <p>An address matched with the wrong method (405), content type (415) or {@code Accept} (406) is answered with what
 * the address does take, read from the resources served now ({@link AddressOffer}): a 405 carries the {@code Allow}
 * header HTTP requires. An address whose variable its method cannot read as the number it declares
 * ({@code indicators/abc}) stays a 404, as JAX-RS has it, that names the variable and why; such a query parameter is
 * a 400 naming it, as the platform's own query parameters are (JAX-RS would have a bare 404).
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(RestNames.PROBLEMS)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    /** The request answered (CXF's proxy for the current one); null outside a servlet, as in unit tests. */
    @Context
    private HttpServletRequest request;

    /** What the resources served now take, and how to stop following them. */
    private final RegisteredOperations registered;
    private final Runnable unfollow;

    @Activate
    public ProblemMapper(BundleContext context) {
        this(new ServedResources(context));
    }

    private ProblemMapper(ServedResources served) {
        this(served::classes, served::close);
    }

    /** With the resource classes served given, as where no service registry serves them (a unit test's runtime). */
    ProblemMapper(Supplier<List<Class<?>>> served, Runnable unfollow) {
        this.registered = new RegisteredOperations(served);
        this.unfollow = unfollow;
    }

    @Deactivate
    void deactivate() {
        unfollow.run();
    }

    @Override
    public Response toResponse(Throwable failure) {
        boolean inPlace = request == null || !isApi(request.getRequestURI())
                || request.getAttribute(ContainerRefusals.TOOK_REQUEST) != null;
        if (!inPlace || request == null) {
            return answer(failure, inPlace);
        }
        String method = request.getMethod();
        // the address as the application's templates see it: below the context and the JAX-RS servlet
        String path = request.getRequestURI().substring(request.getContextPath().length()
                + request.getServletPath().length());
        if (unmatched(failure, 405, 406, 415)) {
            return answer(failure, true, method, AddressOffer.at(operations(), path, method));
        }
        if (!unmatched(failure, 404)) {
            return answer(failure, true);
        }
        // a 404 is read further only where it may be more than an unknown address: that one costs no more
        List<MediaType> accepted = accepted(request.getHeader(HttpHeaders.ACCEPT));
        if (!accepted.isEmpty()) {
            AddressOffer offer = AddressOffer.at(operations(), path, method);
            if (refusesEveryAnswer(accepted, offer)) {
                // CXF passed over the address's own method for its answer type and tried a template beside it
                // (activities/{id} for activities/export), which then could not read the address: 406 is the truth
                return answer(new NotAcceptableException(), true, method, offer);
            }
        }
        if (failure.getCause() != null) {
            // the address matched, but a value of the request could not be read as its method declares it (a number,
            // an enum's constant)
            Problem unreadable = unreadableInput(AddressOffer.unreadable(operations(), path, method,
                    request::getParameterValues));
            if (unreadable != null) {
                return answer(unreadable);
            }
        } else if (registered.take(path, method)) {
            // a resource registered now takes this address and method, and the application that answered lacks it:
            // one built before that resource came (the runtime rebuilds it, and the web server swaps its servlet, a
            // moment after the registration). The API's front filter treats the 404 as that gap, not as an answer.
            request.setAttribute(ContainerRefusals.APPLICATION_BEHIND, Boolean.TRUE);
        }
        return answer(failure, true);
    }

    private List<AddressOffer.Operation> operations() {
        return registered.all();
    }

    /**
     * The problem for values its method could not read as it declares them: a 404 naming the address's variables at
     * fault (an address that cannot exist), else a 400 naming the query parameters; null where there are neither.
     */
    static Problem unreadableInput(AddressOffer.Unreadable unreadable) {
        List<Violation> variables = unreadable.variables();
        List<Violation> query = unreadable.queryParameters();
        if (!variables.isEmpty()) {
            return new Problem("about:blank", "Not Found", 404, "There is nothing at this address: "
                    + variables.get(0).field() + " " + variables.get(0).message() + ".", variables);
        }
        return query.isEmpty() ? null : query.size() == 1
                ? ProblemException.invalid(query.get(0).field(), query.get(0).message()).problem()
                : ProblemException.invalid(query).problem();
    }

    /** The types an Accept header asks for; empty where it takes any (absent, {@code *}{@code /*}, unreadable). */
    static List<MediaType> accepted(String header) {
        if (header == null || header.isBlank() || header.contains("*/*")) {
            return List.of();
        }
        List<MediaType> types = new ArrayList<>();
        for (String type : header.split(",")) {
            try {
                types.add(MediaType.valueOf(type.trim()));
            } catch (IllegalArgumentException unreadable) {
                return List.of();
            }
        }
        return types;
    }

    /** Whether none of the types asked for is one the address answers its method with. */
    private static boolean refusesEveryAnswer(List<MediaType> accepted, AddressOffer offer) {
        if (offer.produced().isEmpty()) {
            return false;
        }
        for (MediaType asked : accepted) {
            for (String produced : offer.produced()) {
                if (asked.isCompatible(MediaType.valueOf(produced))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The answer to a failure, with nothing known of what its address takes. */
    static Response answer(Throwable failure, boolean inPlace) {
        return answer(failure, inPlace, "", AddressOffer.UNKNOWN);
    }

    /**
     * The answer to a failure; {@code inPlace} false for a request to the API that did not pass its front filter, whose
     * unmatched address or method is then not served yet rather than absent; {@code offer} what the address takes, for
     * a request the runtime could not match to a method of it.
     */
    static Response answer(Throwable failure, boolean inPlace, String method, AddressOffer offer) {
        if (!inPlace && unmatched(failure, 404, 405)) {
            return notServedYet();
        }
        Problem problem = problem(failure);
        if (unmatched(failure, 405, 406, 415)) {
            problem = offered(problem, method, offer);
        }
        Response answer = answer(problem);
        if (ContendedWrites.PROBLEM.type().equals(problem.type())) {
            return Response.fromResponse(answer).header("Retry-After", "1").build();
        }
        return problem.status() == 405 && !offer.methods().isEmpty()
                ? Response.fromResponse(answer).header("Allow", String.join(", ", offer.methods())).build() : answer;
    }

    /** Whether the runtime found nothing to call for the request, for one of these reasons (statuses). */
    private static boolean unmatched(Throwable failure, int... statuses) {
        if (failure instanceof WebApplicationException w && !(w.getCause() instanceof ProblemException)) {
            for (int status : statuses) {
                if (w.getResponse().getStatus() == status) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The problem saying what the address takes instead, where that is known. */
    private static Problem offered(Problem problem, String method, AddressOffer offer) {
        String detail = switch (problem.status()) {
            case 405 -> offer.methods().isEmpty() ? null
                    : "This address does not take " + method + "; it takes " + listed(offer.methods()) + ".";
            case 415 -> offer.consumed().isEmpty() ? null : "This address takes " + listed(offer.consumed())
                    + " with " + method + "; send the body as that (Content-Type).";
            case 406 -> offer.produced().isEmpty() ? null : "This address answers " + method + " with "
                    + listed(offer.produced()) + " only; ask for that (Accept) or for any type (*/*).";
            default -> null;
        };
        return detail == null ? problem
                : new Problem(problem.type(), problem.title(), problem.status(), detail, problem.violations());
    }

    private static String listed(SortedSet<String> items) {
        List<String> all = List.copyOf(items);
        return all.size() == 1 ? all.get(0)
                : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
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
        SQLException contended = ContendedWrites.cause(failure);
        if (contended != null) {
            // not a fault of the platform's: a request that met another on the same records at a bad moment
            LOG.warn("A request could not wait for records another held and was answered 503 (SQL state {}): {}",
                    contended.getSQLState(), contended.getMessage());
            return ContendedWrites.PROBLEM;
        }
        if (Thread.currentThread().isInterrupted()) {
            // the request guard stopped it at its module's deadline (FunctionRequestGuard), which answers the 503
            LOG.warn("A request stopped at its deadline ended with: {}", failure.toString());
            return new Problem("urn:civicbackbone:problem:stopped", "Service Unavailable", 503,
                    "The request was stopped at its deadline.", List.of());
        }
        LOG.error("Unexpected failure while serving a request", failure);
        return new Problem("urn:civicbackbone:problem:internal", "Internal error", 500,
                "The platform could not complete the request; the error was logged.", List.of());
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
