#!/usr/bin/env bash
# JMH: GET /initiatives's read through the MyBatis mapper beside the hand-written JDBC it replaced (ADR 0009),
# on H2 in memory and on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust), with 10 and 200
# initiatives; prints each figure beside its anchor and the ratio.
# Usage: benchmarks/data-access.sh   (builds what it needs; about 70 s of measuring)
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib/java.sh
run_benchmark benchmarks/data-access org.civicbackbone.benchmarks.data.RunBenchmarks
