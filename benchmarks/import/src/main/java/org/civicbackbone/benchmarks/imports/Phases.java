package org.civicbackbone.benchmarks.imports;

import java.util.HashMap;
import java.util.Map;

/** Seconds from a start to the points one side of the comparison reached (the first time each), and to its end. */
final class Phases {

    private final long started = System.nanoTime();
    private final Map<String, Double> points = new HashMap<>();
    private double total;

    void reached(String point) {
        points.putIfAbsent(point, (System.nanoTime() - started) / 1e9);
    }

    void end() {
        total = (System.nanoTime() - started) / 1e9;
    }

    double at(String point) {
        return points.getOrDefault(point, Double.NaN);
    }

    double total() {
        return total;
    }
}
