package org.civicbackbone.rest.internal;

/** The names under which the REST bundle registers its JAX-RS extensions; resources select them. */
final class RestNames {
    static final String JSON = "backbone.json";
    static final String PROBLEMS = "backbone.problems";
    static final String AUTH = "backbone.auth";
    static final String ACCESS = "backbone.access";
    static final String READ_CACHE = "backbone.reads";

    private RestNames() {
    }
}
