package org.civicbackbone.api.module;

/**
 * A governance body a structure model requires an initiative to have.
 *
 * @param bodyType    the body's type key ({@code fiscal-host}, {@code host-board}, {@code leadership-group})
 * @param name        a human name
 * @param description what the body does under this model
 */
public record BodyRequirement(String bodyType, String name, String description) {
}
