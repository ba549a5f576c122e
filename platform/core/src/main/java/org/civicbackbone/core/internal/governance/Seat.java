package org.civicbackbone.core.internal.governance;

/** One login's seat on one step of a proposal, fixed when the proposal opened. */
record Seat(String voter, String organisation, boolean conflicted) {
}
