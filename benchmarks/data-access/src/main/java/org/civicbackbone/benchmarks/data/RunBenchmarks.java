package org.civicbackbone.benchmarks.data;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the data-access benchmarks and prints each figure beside its anchor with the ratio. */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(InitiativeListBenchmark.class.getSimpleName()).build()).run();
        Map<String, double[]> byParam = new TreeMap<>();
        for (RunResult result : results) {
            String initiatives = result.getParams().getParam("database") + " "
                    + result.getParams().getParam("initiatives");
            boolean anchor = result.getParams().getBenchmark().endsWith("handWrittenJdbc");
            byParam.computeIfAbsent(initiatives, k -> new double[2])[anchor ? 0 : 1] =
                    result.getPrimaryResult().getScore();
        }
        System.out.println();
        System.out.println("database, initiatives | hand-written JDBC (anchor), us/op | MyBatis mapper, us/op | mapper / anchor");
        byParam.forEach((n, s) -> System.out.printf("%21s | %33.1f | %21.1f | %.2f%n", n, s[0], s[1], s[1] / s[0]));
    }
}
