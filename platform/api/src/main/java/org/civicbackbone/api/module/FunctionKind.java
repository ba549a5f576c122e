package org.civicbackbone.api.module;

/** Which of the six backbone functions a module serves, or {@link #CUSTOM} for a third-party one. */
public enum FunctionKind {
    /** Guide vision and strategy. */
    VISION_STRATEGY,
    /** Support aligned activities. */
    ALIGNED_ACTIVITIES,
    /** Establish shared measurement practices. */
    SHARED_MEASUREMENT,
    /** Build public will and cultivate community engagement. */
    COMMUNITY_ENGAGEMENT,
    /** Advance policy. */
    POLICY,
    /** Mobilize resources. */
    RESOURCES,
    /** A function outside the six, contributed by a plugin. */
    CUSTOM
}
