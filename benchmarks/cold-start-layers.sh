#!/usr/bin/env bash
# Where a first start's time goes, layer by layer, all from the built distribution (same archive, same bin/setenv,
# same JVM): (1) Karaf's own boot features plus `http`, as the bare Karaf of cold-start.sh boots; (2) the same plus
# `backbone-runtime`, the infrastructure the stack prescribes (CXF's JAX-RS whiteboard, Jackson, Hibernate Validator,
# H2, PostgreSQL's driver, HikariCP, MyBatis) with none of the platform's own bundles; (3) the distribution as shipped
# (core, REST, store, console, six functions, four models, their migrations and the demo). Each round unpacks each
# layer afresh (empty data/, a first start) and times it until the features service logs "Done." (every boot feature
# installed and started), reading the CPU time the JVM had used then from /proc. Prints each round, the medians and
# each layer's ratio to the first: what the platform's own bundles cost beyond the infrastructure, and what the
# infrastructure costs beyond Karaf.
# Usage: benchmarks/cold-start-layers.sh [rounds]   (after `mvn -B install -DskipTests`; about a minute a round)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
archive=$(ls distribution/target/backbone-distribution-*.tar.gz)
karaf_version=$(sed -n "s:.*<karaf.version>\(.*\)</karaf.version>.*:\1:p" pom.xml)
work=$(mktemp -d)
. benchmarks/lib/karaf.sh
home=""
trap '[ -n "$home" ] && stop_karaf "$home"; rm -rf "$work"' EXIT


# boot_features home features: replaces the distribution's boot features with Karaf's own (as its archive lists them)
# and the given ones
boot_features() {
  python3 - "$1/etc/org.apache.karaf.features.cfg" "$karaf_version" "$2" <<'PY'
import re, sys
path, karaf, extra = sys.argv[1:]
own = ["instance", "package", "log", "ssh", "framework", "system", "eventadmin", "feature", "shell", "management",
       "service", "jaas", "deployer", "diagnostic", "wrap", "bundle", "config", "kar"]
boot = ", ".join([f + ("/2.7.0" if f == "wrap" else "/" + karaf) for f in own] + [extra])
text = open(path).read()
text, n = re.subn(r'featuresBoot\s*=\s*\\\n(?:.*\\\n)*.*\n', 'featuresBoot = ' + boot + '\n', text, count=1)
if n != 1:
    sys.exit("featuresBoot not found in " + path)
open(path, 'w').write(text)
PY
}

project_version=$(sed -n "0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p" pom.xml | sed 's/-SNAPSHOT/.SNAPSHOT/')
layers=(karaf-http runtime platform)
names=("Karaf's boot features + http" "+ backbone-runtime (infrastructure)" "the distribution as shipped")
for layer in "${layers[@]}"; do : > "$work/$layer-time"; : > "$work/$layer-cpu"; done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), Karaf $karaf_version, $(date -u +%F)"
for round in $(seq 1 "$rounds"); do
  line="round $round:"
  for i in "${!layers[@]}"; do
    layer=${layers[$i]}
    home=$(unpack "$archive" "$work/$layer")
    case $layer in
      karaf-http) boot_features "$home" "http" ;;
      runtime) boot_features "$home" "backbone-runtime/$project_version" ;;
    esac
    t=$(now); "$home/bin/start"
    done_at=""
    for _ in $(seq 1 2400); do  # every 50 ms, for up to 2 minutes
      if grep -q 'FeaturesServiceImpl .*| Done\.$' "$home/data/log/karaf.log" 2>/dev/null; then
        done_at=$(since "$t"); break
      fi
      sleep 0.05
    done
    [ -n "$done_at" ] || { echo "$layer: the features service did not finish within 2 minutes" >&2; exit 1; }
    cpu=$(cpu_seconds "$home")
    stop_karaf "$home"; home=""
    echo "$done_at" >> "$work/$layer-time"; echo "$cpu" >> "$work/$layer-cpu"
    line=$(printf '%s %s %.1f s (CPU %.1f s) |' "$line" "$layer" "$done_at" "$cpu")
  done
  echo "${line% |}"
done
base_time=$(median < "$work/karaf-http-time"); base_cpu=$(median < "$work/karaf-http-cpu")
for i in "${!layers[@]}"; do
  layer=${layers[$i]}
  t=$(median < "$work/$layer-time"); c=$(median < "$work/$layer-cpu")
  printf 'median %-38s boot features done %.1f s (%.2fx), CPU %.1f s (%.2fx)\n' "${names[$i]}:" "$t" \
    "$(echo "$t / $base_time" | bc -l)" "$c" "$(echo "$c / $base_cpu" | bc -l)"
done
