# Shared by the distribution benchmarks: unpack, start, wait for and stop a Karaf, by its pid file only.
# Source it after setting $work (a temporary folder the caller removes).

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
# cpu_seconds home: user + system CPU time of the Karaf JVM whose pid is in home/karaf.pid
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$(cat "$1/karaf.pid")/stat"; }
# median: the median of the numbers on standard input, one a line
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# wait_for url expected-status [curl options...]: polls every 50 ms for up to 120 s
wait_for() {
  local url=$1 expected=$2; shift 2
  for _ in $(seq 1 2400); do
    [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$@" "$url")" = "$expected" ] && return 0
    sleep 0.05
  done
  echo "timed out waiting for $expected from $url" >&2; return 1
}

# wait_for_any url: until the port answers HTTP at all (any status)
wait_for_any() {
  for _ in $(seq 1 2400); do
    [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$1")" != "000" ] && return 0
    sleep 0.05
  done
  echo "timed out waiting for $1 to answer" >&2; return 1
}

# unpack archive folder: prints the Karaf home it unpacked
unpack() {
  rm -rf "$2"; mkdir -p "$2"; tar -xzf "$1" -C "$2"
  ls -d "$2"/*/
}

# stop_karaf home: bin/stop, then the pid from karaf.pid (never a process found by name) until it is gone
stop_karaf() {
  local home=$1 pid
  [ -f "$home/karaf.pid" ] || return 0
  pid=$(cat "$home/karaf.pid")
  "$home/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || { rm -f "$home/karaf.pid"; return 0; }; sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$home/karaf.pid"
}
