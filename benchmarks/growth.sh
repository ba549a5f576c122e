#!/usr/bin/env bash
# How the cost of list reads grows with the data they return: GET /initiatives at 10, 100 and 1,000 initiatives and
# the decision log at 1,000 and 10,000 proposals (beside the per-proposal reads it replaced), on H2 in memory; each
# a median after a warm-up, with its cost per row (flat = linear growth). Import and overview growth at 10k, 100k and
# 1M values: benchmarks/import.sh.
# Usage: benchmarks/growth.sh   (builds what it needs; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib/java.sh
run_benchmark benchmarks/data-access org.civicbackbone.benchmarks.data.GrowthBenchmark
