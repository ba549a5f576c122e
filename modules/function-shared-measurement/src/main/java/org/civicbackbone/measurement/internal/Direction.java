package org.civicbackbone.measurement.internal;

/** Whether an indicator improves by going up (children reading at grade level) or down (chronic absence). */
public enum Direction {
    UP, DOWN
}
