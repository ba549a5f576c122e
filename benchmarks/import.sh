#!/usr/bin/env bash
# The shared-measurement CSV import beside a raw batched JDBC insert of the same rows into the same schema (the
# anchor), on H2 file databases opened as the distribution opens them, at 10k, 100k and 1M rows; then the indicator
# overview beside a raw indexed GROUP BY. Prints each figure, its anchor and the ratio. The JVM gets a 256 MB heap:
# the import must stream.
# Usage: benchmarks/import.sh [rows ...]   (builds what it needs; about two minutes for the default sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl benchmarks/import -am
classpath_file=$(mktemp)
work=$(mktemp -d)  # the CSV files and the databases: a million rows take about 4 GB, removed at the end
trap 'rm -rf "$classpath_file" "$work"' EXIT
mvn -B -q dependency:build-classpath -pl benchmarks/import -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=compile
java -Xmx256m -Dbenchmark.folder="$work" -cp "benchmarks/import/target/classes:$(cat "$classpath_file")" \
    org.civicbackbone.benchmarks.imports.ImportBenchmark "$@"
