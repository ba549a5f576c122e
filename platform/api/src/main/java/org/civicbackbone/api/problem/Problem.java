package org.civicbackbone.api.problem;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type       a URI naming the kind of problem
 * @param title      a short summary of the kind of problem
 * @param status     the HTTP status code
 * @param detail     what went wrong in this occurrence
 * @param violations the fields at fault, empty when the problem is not about input
 */
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    /** The media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** Bad input: 400 with the fields at fault. */
    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem("urn:civicbackbone:problem:invalid-input", "Invalid input", 400, detail, violations);
    }

    /** Something named in the request does not exist (or is not visible to the caller). */
    public static Problem notFound(String detail) {
        return new Problem("urn:civicbackbone:problem:not-found", "Not found", 404, detail, List.of());
    }

    /** A function module that is not installed in this platform. */
    public static Problem moduleNotInstalled(String moduleId) {
        return new Problem("urn:civicbackbone:problem:module-not-installed", "Module not installed", 404,
                "The module '" + moduleId + "' is not installed on this platform.", List.of());
    }

    /** A function that is installed but not enabled for the initiative. */
    public static Problem functionNotEnabled(String functionId, String initiativeId) {
        return new Problem("urn:civicbackbone:problem:function-not-enabled", "Function not enabled", 409,
                "The function '" + functionId + "' is not enabled for initiative '" + initiativeId + "'.", List.of());
    }

    /** The request conflicts with the current state. */
    public static Problem conflict(String detail) {
        return conflict(detail, List.of());
    }

    /**
     * The request conflicts with the current state through these fields (a name another record holds): a form shows
     * each beside its input.
     *
     * @since 1.2
     */
    public static Problem conflict(String detail, List<Violation> violations) {
        return new Problem("urn:civicbackbone:problem:conflict", "Conflict", 409, detail, violations);
    }
}
