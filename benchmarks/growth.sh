#!/usr/bin/env bash
# How the cost of reads grows with the data: GET /initiatives at 10, 100 and 1,000 initiatives and the decision log at
# 1,000 and 10,000 proposals (beside the per-proposal reads it replaced), on H2 in memory, each with its cost per row
# (flat = linear growth); then one initiative's indicator overview while the database holds 10, 100 and 1,000
# initiatives (flat = it does not grow with the others), on an H2 file; then "My work"'s items for someone who sees 10,
# 100 and 1,000 initiatives, each module read once for all of them beside the anchor of once per initiative. Each
# figure a median after a warm-up.
# Import and overview growth at 10k, 100k and 1M values: benchmarks/import.sh.
# With --postgresql, the overview and "My work" run on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust)
# instead of H2 files; the first part stays on H2 in memory.
# Usage: benchmarks/growth.sh [--postgresql]   (builds what it needs; about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
database=h2
if [ "${1:-}" = "--postgresql" ]; then database=postgresql; shift; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. benchmarks/lib/java.sh
run_benchmark benchmarks/data-access org.civicbackbone.benchmarks.data.GrowthBenchmark
run_benchmark benchmarks/import org.civicbackbone.benchmarks.imports.OverviewGrowth -Dbenchmark.folder="$work" \
    -Dbenchmark.database="$database"
run_benchmark benchmarks/import org.civicbackbone.benchmarks.imports.MyWorkGrowth -Dbenchmark.folder="$work" \
    -Dbenchmark.database="$database"
