package org.civicbackbone.api.problem;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks an object against its Jakarta Bean Validation constraints. REST bodies are checked automatically;
 * modules call this for input that arrives another way (shell commands, CSV rows).
 */
@ProviderType
public interface InputValidator {

    /** Returns normally when valid; otherwise throws a 400 {@link ProblemException} listing every violation. */
    void validate(Object input);
}
