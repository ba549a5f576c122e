#!/usr/bin/env bash
# The shared-measurement CSV import beside a raw batched JDBC insert of the same rows into the same schema (the
# anchor), on H2 file databases opened as the distribution opens them (or, with --postgresql, fresh databases on the
# machine's PostgreSQL, 127.0.0.1:5432, user postgres, trust), at 10k, 100k and 1M rows; then the indicator overview
# beside a raw indexed GROUP BY. Prints each figure, its anchor and the ratio. The JVM gets a 256 MB heap: the import
# must stream.
# With --rounds N each size is measured N times (both sides afresh each time) and the median of the ratios printed:
# one run of a million rows on H2 moves by a tenth either way with the machine's disk.
# Usage: benchmarks/import.sh [--postgresql] [--rounds N] [rows ...]   (builds what it needs; about two minutes on H2)
set -euo pipefail
cd "$(dirname "$0")/.."
database=h2
rounds=1
while [ $# -gt 0 ]; do
  case $1 in
    --postgresql) database=postgresql; shift ;;
    --rounds) rounds=$2; shift 2 ;;
    *) break ;;
  esac
done
work=$(mktemp -d)  # the CSV files and the H2 databases: a million rows take about 4 GB, removed at the end
trap 'rm -rf "$work"' EXIT
. benchmarks/lib/java.sh
run_benchmark benchmarks/import org.civicbackbone.benchmarks.imports.ImportBenchmark \
    -Xmx256m -Dbenchmark.folder="$work" -Dbenchmark.database="$database" -Dbenchmark.rounds="$rounds" -- "$@"
