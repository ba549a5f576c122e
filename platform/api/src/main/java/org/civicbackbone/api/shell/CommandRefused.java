package org.civicbackbone.api.shell;

import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;

/**
 * A command's refusal, thrown out of {@code execute()}: the shell prints "Error executing command: " and the reason,
 * each field at fault on a line of its own, and {@code bin/backbone} exits 1. Printing a refusal to
 * {@code System.err} instead loses it: the client's batch mode, which scripts use, shows only standard output.
 *
 * <pre>{@code
 * try {
 *     ...
 * } catch (ProblemException e) {
 *     throw new CommandRefused(e);
 * }
 * }</pre>
 *
 * @since 1.1
 */
public final class CommandRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param refusal a service's refusal, told with its detail and every violation */
    public CommandRefused(ProblemException refusal) {
        super(reason(refusal.problem()), refusal);
    }

    /** @param reason why the command did nothing, as the user should read it */
    public CommandRefused(String reason) {
        super(reason);
    }

    private static String reason(Problem problem) {
        StringBuilder reason = new StringBuilder(problem.detail());
        for (Violation violation : problem.violations()) {
            if (!problem.detail().contains(violation.message())) { // a single violation is often the detail itself
                reason.append(System.lineSeparator()).append("  ").append(violation.field()).append(": ")
                        .append(violation.message());
            }
        }
        return reason.toString();
    }
}
