package org.civicbackbone.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;

/**
 * What the servlet container knew of an API request that the JAX-RS filters need: the caller's address, the raw query
 * and whether the framing allows a body. {@link ContainerRefusals} keeps it on every request it takes, and the filters
 * read it as a property of the request (JAX-RS shares a servlet request's attributes as properties). A
 * {@code @Context HttpServletRequest} field instead made CXF look up a context provider for it on every request, for
 * each filter, which cost about 4 % of an API read.
 *
 * @param address     the caller's address; {@code unknown} where the container did not say
 * @param query       the raw query as sent, or null
 * @param mayHaveBody whether the framing allows a body (see {@link #mayHaveBody(HttpServletRequest)})
 */
record Received(String address, String query, boolean mayHaveBody) {

    /** The request attribute that holds it. */
    static final String ATTRIBUTE = "org.civicbackbone.api.received";

    /** What a request as the servlet container received it says. */
    static Received of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return new Received(address == null ? "unknown" : address, request.getQueryString(), mayHaveBody(request));
    }

    /**
     * What was kept of a request; for one that did not pass {@link ContainerRefusals} (the API can answer before the
     * filter is in front of it, ADR 0008), what JAX-RS says of it: the query from its URI, the address unknown, and a
     * body possible (the filters then ask the runtime).
     */
    static Received of(ContainerRequestContext request) {
        if (request.getProperty(ATTRIBUTE) instanceof Received kept) {
            return kept;
        }
        return new Received("unknown", request.getUriInfo().getRequestUri().getRawQuery(), true);
    }

    /** Whether the query has anything in it. */
    boolean hasQuery() {
        return query != null && !query.isEmpty();
    }

    /**
     * Whether an HTTP/1 request's framing allows a body: a length above zero, or a transfer coding. CXF's
     * {@code hasEntity()} finds out by copying the input into a cache, which cost a read without a body more than
     * all of {@link InputDeclarations}' other work; it is asked only when this says a body may be there.
     */
    static boolean mayHaveBody(HttpServletRequest request) {
        return !request.getProtocol().startsWith("HTTP/1.") || request.getContentLengthLong() > 0
                || request.getHeader("Transfer-Encoding") != null;
    }
}
