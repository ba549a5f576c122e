package org.civicbackbone.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code GET} resource method whose answer is not only the platform's data: it also tells what is held in
 * memory and changes without a write to the database (the progress of running work). The platform then never gives
 * an earlier answer of it again. Every other {@code GET} of an initiative's resources may be answered again, for a
 * second at most, while no write was committed on any node and no module came or went ({@code maxAgeMillis} of
 * {@code org.civicbackbone.rest.reads}; ADR 0023).
 *
 * @since 1.4
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Live {
}
