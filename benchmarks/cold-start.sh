#!/usr/bin/env bash
# Cold start of the built distribution beside a bare Apache Karaf of the same version with the `http` feature added
# to its boot features, in the same run: each pair unpacks both afresh (empty data/, first boot), starts the bare
# Karaf until its port answers HTTP, stops it, then starts the platform and times each step: port answering, health
# UP (every module active, the REST runtime settled), the demo answering. Prints each pair, the medians and the ratio.
# Usage: benchmarks/cold-start.sh [pairs]   (after `mvn -B install -DskipTests`; fetches apache-karaf once via Maven)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}
karaf_version=$(mvn -B -q help:evaluate -Dexpression=karaf.version -DforceStdout -N)
archive=$(ls distribution/target/backbone-distribution-*.tar.gz)
work=$(mktemp -d)
. benchmarks/lib/karaf.sh
homes=()
trap 'for h in "${homes[@]}"; do stop_karaf "$h"; done; rm -rf "$work"' EXIT
mvn -B -q dependency:copy -Dartifact="org.apache.karaf:apache-karaf:$karaf_version:tar.gz" -DoutputDirectory="$work"
bare_archive="$work/apache-karaf-$karaf_version.tar.gz"

root=http://127.0.0.1:8181
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
: > "$work/bare"; : > "$work/port"; : > "$work/health"; : > "$work/demo"; : > "$work/ratio"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), Karaf $karaf_version, $(date -u +%F)"
for pair in $(seq 1 "$pairs"); do
  bare=$(unpack "$bare_archive" "$work/bare-k"); homes=("$bare")
  # the bare anchor boots Karaf's own boot features plus http, as a distribution of it would
  python3 - "$bare/etc/org.apache.karaf.features.cfg" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
text = re.sub(r'(featuresBoot\s*=\s*\\?\n(?:.*\\\n)*.*)', lambda m: m.group(1).rstrip() + ', \\\n    http', text, count=1)
open(path, 'w').write(text)
PY
  t=$(now); "$bare/bin/start"; wait_for_any "$root/"; b=$(since "$t"); stop_karaf "$bare"

  ours=$(unpack "$archive" "$work/ours-k"); homes=("$ours")
  t=$(now); "$ours/bin/start"
  wait_for_any "$root/"; p=$(since "$t")
  wait_for "$root/api/v1/health" 200; h=$(since "$t")
  wait_for "$root/api/v1/initiatives/demo-riverbend-reads/shared-measurement" 200 -u admin:admin; d=$(since "$t")
  stop_karaf "$ours"
  echo "$b" >> "$work/bare"; echo "$p" >> "$work/port"; echo "$h" >> "$work/health"; echo "$d" >> "$work/demo"
  echo "$d / $b" | bc -l >> "$work/ratio"
  printf 'pair %d: bare Karaf + http to its port answering %.1f s | platform: port answering %.1f s, health UP %.1f s, demo answering %.1f s | %.2fx\n' \
    "$pair" "$b" "$p" "$h" "$d" "$(echo "$d / $b" | bc -l)"
done
printf 'medians: bare %.1f s; platform port %.1f s, health UP %.1f s, demo answering %.1f s; median of the ratios %.2fx\n' \
  "$(median < "$work/bare")" "$(median < "$work/port")" "$(median < "$work/health")" "$(median < "$work/demo")" \
  "$(median < "$work/ratio")"
