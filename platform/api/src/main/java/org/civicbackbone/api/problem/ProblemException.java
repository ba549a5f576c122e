package org.civicbackbone.api.problem;

import java.util.List;

/**
 * Thrown by any module to refuse a request; the REST layer answers it as the carried {@link Problem}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    /** Bad input with a single field at fault. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message, List.of(new Violation(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
