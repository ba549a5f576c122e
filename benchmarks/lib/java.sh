# Shared by the in-process benchmarks: builds a benchmark module (and what it needs) and runs one of its classes.
# run_benchmark module main-class [java options ...] [-- arguments ...]
run_benchmark() {
  local module=$1 main=$2 classpath_file classpath
  shift 2
  local jvm=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  mvn -B -q install -DskipTests -pl "$module" -am
  classpath_file=$(mktemp)
  mvn -B -q dependency:build-classpath -pl "$module" -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=compile
  classpath="$module/target/classes:$(cat "$classpath_file")"
  rm -f "$classpath_file"
  java "${jvm[@]}" -cp "$classpath" "$main" "$@"
}
