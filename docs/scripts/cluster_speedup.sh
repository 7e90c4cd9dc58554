#!/usr/bin/env bash
# Speed-up of --cluster on one machine: the 1,000-point ResNet-18 sweep (ProfileBenchmark's
# "distinct" grid) and a 5,000-candidate random NAS-Bench-201 search, each run
#   a) as one process on 1 thread, b) as one process on 2 threads,
#   c) as a coordinator (1 thread) + 1 worker process (1 thread),
#   d) as a coordinator (1 thread) + 2 worker processes (1 thread each).
# Prints wall-clock seconds per run and the coordinator's cluster report (batches, overhead).
# Usage: docs/scripts/cluster_speedup.sh [OUTDIR]   (builds nothing: run ./tessel --version first)
# WHAT=sweep|search runs one case only (default: both); BUDGET=N prices N search candidates
# instead of 5,000 (a quick check that the script works: WHAT=search BUDGET=200 ...).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/cli/target/tessel.jar"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
secret="$out/secret"; echo "speedup-$$" > "$secret"
j() { java -XX:+UseSerialGC -jar "$jar" "$@"; }
sweep=(profile -t "$root/traces/networks/resnet18.yaml" --sweep array.rows=8:40:8
  --sweep array.cols=8:40:8 --sweep sram.eachKiB=16:256:*2 --sweep dram.mode=user
  --sweep dram.bandwidthWordsPerCycle=2:16:2 --no-progress)
search=(search --space nasbench201 --hw eyeriss --strategy random --budget "${BUDGET:-5000}" --seed 1
  --objectives latency,energy --no-cache -q --schedules none)
cl=(--cluster speedup --secret-file "$secret" --port 5901)
# timed ERRFILE CMD...: runs CMD (stdout dropped, stderr to ERRFILE), prints the seconds it took
timed() { local e=$1 t0; shift; t0=$(date +%s.%N); "$@" 2> "$e" > /dev/null; echo "$(date +%s.%N) - $t0" | bc; }
workers() { # start $1 workers on ports 5911.., wait until each says it runs
  for i in $(seq 1 "$1"); do
    java -XX:+UseSerialGC -jar "$jar" worker --cluster speedup --secret-file "$secret" \
      --port $((5910 + i)) --threads 1 2> "$out/worker$i.err" > /dev/null &
    echo $! >> "$out/workers.pid"
  done
  for i in $(seq 1 "$1"); do
    until grep -qs "this worker is" "$out/worker$i.err"; do sleep 0.2; done
  done
}
stopworkers() { while read -r p; do kill "$p"; wait "$p" 2>/dev/null || true; done < "$out/workers.pid"; rm -f "$out/workers.pid"; }
members() { local m=""; for i in $(seq 1 "$1"); do m="$m${m:+,}127.0.0.1:$((5910 + i))"; done; echo "$m"; }
for what in ${WHAT:-sweep search}; do
  if [ "$what" = sweep ]; then cmd=("${sweep[@]}"); else cmd=("${search[@]}"); fi
  echo "== $what: one process, 1 thread: $(timed "$out/$what-1t.err" j "${cmd[@]}" --threads 1 -p "$out/$what-1t") s"
  echo "== $what: one process, 2 threads: $(timed "$out/$what-2t.err" j "${cmd[@]}" --threads 2 -p "$out/$what-2t") s"
  for n in 1 2; do
    workers "$n"
    echo "== $what: coordinator + $n worker process(es), 1 thread each: $(timed "$out/$what-c$n.err" j "${cmd[@]}" --threads 1 -p "$out/$what-c$n" "${cl[@]}" --members "$(members "$n")") s"
    grep "^cluster: " "$out/$what-c$n.err" | tail -1
    stopworkers
  done
done
for d in "$out"/sweep-*/; do d=${d%/}; [ -d "$d" ] || continue; cmp -s "$out/sweep-1t/resnet18_tessel_default/PROFILE.csv" "$d/resnet18_tessel_default/PROFILE.csv" && echo "same PROFILE.csv: $d" || echo "DIFFERENT: $d"; done
for d in "$out"/search-*/; do d=${d%/}; [ -d "$d" ] || continue; cmp -s "$out/search-1t/nasbench201_eyeriss_random_s1/ranked.csv" "$d/nasbench201_eyeriss_random_s1/ranked.csv" && echo "same ranked.csv: $d" || echo "DIFFERENT: $d"; done
