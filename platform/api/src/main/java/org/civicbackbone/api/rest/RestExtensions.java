package org.civicbackbone.api.rest;

/**
 * Filters naming the platform's JAX-RS extensions. Every module resource selects all of them
 * ({@code @JaxrsExtensionSelect({RestExtensions.JSON, RestExtensions.PROBLEMS, RestExtensions.AUTHENTICATION})}),
 * so it goes live only when JSON, problem answers and authentication are in place: never unprotected.
 */
public final class RestExtensions {

    /** Strict JSON reading with validation, and JSON writing. */
    public static final String JSON = "(osgi.jaxrs.name=backbone.json)";

    /** Errors answered as problem+json. */
    public static final String PROBLEMS = "(osgi.jaxrs.name=backbone.problems)";

    /** HTTP Basic authentication against the platform's JAAS realm. */
    public static final String AUTHENTICATION = "(osgi.jaxrs.name=backbone.auth)";

    /** The base path of the REST API. */
    public static final String API = "/api/v1";

    /** The path under which a function's resources live: append the function id. */
    public static final String INITIATIVE = API + "/initiatives/{initiativeId}/";

    private RestExtensions() {
    }
}
