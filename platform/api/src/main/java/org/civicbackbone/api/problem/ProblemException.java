package org.civicbackbone.api.problem;

import java.util.List;

/**
 * Thrown by any module to refuse a request; the REST layer answers it as the carried {@link Problem}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final String SOME_FIELDS = "Some fields need correcting: each is listed with the reason.";

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    /** Bad input with a single field at fault. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message, List.of(new Violation(field, message))));
    }

    /**
     * Bad input with one or more fields at fault, each listed with its reason (1.1). The detail says so in words a
     * person reads above a form whose fields show the reasons.
     */
    public static ProblemException invalid(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("bad input names at least one field at fault");
        }
        return new ProblemException(Problem.invalid(SOME_FIELDS, violations));
    }

    /**
     * Refuses input when any field is at fault, naming every one (1.1): collect a rule's faults into a list, then
     * call this before writing anything.
     *
     * @throws ProblemException 400 listing the violations, when there are any
     */
    public static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    public Problem problem() {
        return problem;
    }
}
