package org.civicbackbone.core.internal.governance;

/**
 * Work the decision engine does on its own clock rather than when someone reads: deciding proposals whose time is
 * up, and applying approved effects whose announcement was lost. Reads never write; these sweeps do.
 */
public interface GovernanceSweep {

    /** Does what is due now; returns how many things it did. */
    int sweep();
}
