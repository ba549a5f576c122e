package org.civicbackbone.api.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a caller gives to add a governance body or to change one.
 *
 * @param type   the body type key: one the initiative's structure model names, one of the platform's
 *               ({@code backbone-team}, {@code partners}, {@code observers}), or the initiative's own when
 *               {@code custom} is true
 * @param name   the body's name
 * @param custom true to declare a body type of the initiative's own (a working group, a youth council); absent
 *               means false (1.2)
 */
public record BodySpec(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a body type such as 'host-board'") String type,
        @NotBlank @Size(max = 200) String name,
        Boolean custom) {

    /** A body of a type the model or the platform names (the 1.1 shape). */
    public BodySpec(String type, String name) {
        this(type, name, false);
    }

    /** Whether the type is declared the initiative's own. */
    public boolean declaredCustom() {
        return Boolean.TRUE.equals(custom);
    }
}
