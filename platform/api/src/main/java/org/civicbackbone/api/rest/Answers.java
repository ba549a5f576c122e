package org.civicbackbone.api.rest;

import java.net.URI;
import java.util.function.Function;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/** The answers every module's resources give alike: who acts, what was created where, CSV downloads. */
public final class Answers {

    /** The media type of CSV downloads and uploads. */
    public static final String CSV = "text/csv";

    private Answers() {
    }

    /** The acting user's login: resources are authenticated, so there is always one. */
    public static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    /**
     * 201 Created with the new record as the body and its address in {@code Location}: the request's path and the id.
     *
     * @param uri     the request's address ({@code @Context UriInfo})
     * @param created the record as stored
     * @param id      how to read the record's id
     */
    public static <T> Response created(UriInfo uri, T created, Function<T, Object> id) {
        URI location = uri.getAbsolutePathBuilder().path(String.valueOf(id.apply(created))).build();
        return Response.created(location).entity(created).build();
    }

    /** 202 Accepted: the request was put to the governance bodies (the body is the proposal); nothing changed yet. */
    public static Response accepted(Object proposal) {
        return Response.status(Response.Status.ACCEPTED).entity(proposal).build();
    }

    /** 200 with a CSV download in UTF-8, saved as {@code fileName}. */
    public static Response csv(String body, String fileName) {
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
