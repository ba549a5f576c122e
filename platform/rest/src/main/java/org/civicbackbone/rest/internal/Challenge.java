package org.civicbackbone.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.civicbackbone.api.problem.Problem;

/** The Basic challenge of a 401, left off for the console's own requests. */
final class Challenge {

    /** The challenge sent with a 401. */
    static final String BASIC = "Basic realm=\"Civic Backbone\", charset=\"UTF-8\"";

    private Challenge() {
    }

    /** The problem's answer, with the challenge when the client wants one. */
    static Response answer(Problem problem, ContainerRequestContext request) {
        Response answer = ProblemMapper.answer(problem);
        return wanted(request) ? Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, BASIC).build() : answer;
    }

    /**
     * Whether a 401 should carry the Basic challenge: not for the console's own requests (they send {@code
     * X-Requested-With}), for which a browser would otherwise open its password dialog over the sign-in form.
     */
    static boolean wanted(ContainerRequestContext request) {
        return request.getHeaderString("X-Requested-With") == null;
    }
}
