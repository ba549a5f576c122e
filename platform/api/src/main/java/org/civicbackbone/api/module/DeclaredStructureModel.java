package org.civicbackbone.api.module;

import java.util.List;

/**
 * A {@link StructureModel} whose bodies and rules are data given once, at construction: what every structure module
 * needs, so that a model's class holds only its own rules.
 */
public abstract class DeclaredStructureModel implements StructureModel {

    private final String id;
    private final String name;
    private final String description;
    private final List<BodyRequirement> bodies;
    private final List<AccountabilityRule> rules;

    /**
     * @param id          the model id ({@code nested})
     * @param name        a human name
     * @param description who is accountable to whom, in a sentence or two
     * @param bodies      the governance bodies an initiative under this model must have
     * @param rules       one rule per decision type: which bodies approve, in order, and why
     */
    protected DeclaredStructureModel(String id, String name, String description, List<BodyRequirement> bodies,
                                     List<AccountabilityRule> rules) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.bodies = List.copyOf(bodies);
        this.rules = List.copyOf(rules);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<BodyRequirement> requiredBodies() {
        return bodies;
    }

    @Override
    public final List<AccountabilityRule> accountabilityRules() {
        return rules;
    }
}
