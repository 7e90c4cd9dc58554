#!/usr/bin/env bash
# Regenerates the measured tables of docs/nas.md and the NAS-Bench-201 section of
# docs/validation.md from real runs of `tessel search` (every run an exhaustive sweep of the
# 15,625 NAS-Bench-201 cells; a few seconds each on 2 cores).
# Usage (from the repository root, ../shared/validation beside the clone):
#   bash docs/scripts/nas_tables.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
acc=../shared/validation/nasbench201/nb201_accuracy_and_hwnasbench_latency.csv
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sweep() { # name, then search options
  local name=$1
  shift
  ./tessel search --strategy exhaustive --budget 15625 --accuracy "$acc" --no-cache -q \
    --schedules none --top 0 -p "$out/$name" "$@" > "$out/$name.txt"
}

echo "Kendall tau-b, Tessel's latency against HW-NAS-Bench's Eyeriss latency, 15,625 cells:"
echo
echo "| space | cell ops that run | cell pooling | tau-b | Tessel mean latency ms |"
echo "|---|---|---|---:|---:|"
# HW-NAS-Bench's latency has no DRAM: the preset with DRAM hidden, as `validate` runs it
sed 's/^  mode: link$/  mode: calc/' traces/hardware/eyeriss.yaml > "$out/eyeriss_calc.yaml"
grep -q '^  mode: calc$' "$out/eyeriss_calc.yaml"
for sp in nasbench201 nasbench201:pruned nasbench201:pool-as-conv nasbench201:pruned,pool-as-conv; do
  name=$(echo "$sp" | tr ':,' '__')
  sweep "$name" --space "$sp" --hw "$out/eyeriss_calc.yaml" --objectives accuracy,latency \
    --compare eyeriss_latency_ms_cifar10
  ops=$([[ $sp == *pruned* ]] && echo "live only" || echo "all")
  pool=$([[ $sp == *pool-as-conv* ]] && echo "3x3 conv on the array" || echo "vector lanes")
  tau=$(awk '/^kendall/ { print $(NF - 3) }' "$out/$name.txt")
  mean=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { sum += $c["latency_ms"]; n++ } END { printf "%.3f", sum / n }' "$out/$name"/*/ranked.csv)
  echo "| \`$sp\` | $ops | $pool | $tau | $mean |"
done

echo
echo "Layer-adaptive against fixed dataflows, default hardware (os/ws/is), accuracy and latency:"
echo
for df in adaptive os ws is; do
  opt=()
  [ "$df" != adaptive ] && opt=(--dataflows "$df")
  sweep "$df" --space nasbench201 --hw default --objectives accuracy,latency "${opt[@]}"
done
echo "| scheduling | front size | ms for >= 90 % | >= 92 % | >= 93 % | >= 93.5 % | >= 94 % | >= 94.3 % | best % within 0.2 ms | 0.4 ms | 0.6 ms | 0.8 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for df in adaptive os ws is; do
  label=$([ "$df" = adaptive ] && echo "layer-adaptive (os, ws, is)" || echo "fixed $df")
  front=$(($(wc -l < "$out/$df"/*/pareto.csv) - 1))
  awk -F, -v label="$label" -v front="$front" '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    {
      a = $c["accuracy"]; l = $c["latency_ms"]
      split("90 92 93 93.5 94 94.3", t, " ")
      for (k = 1; k <= 6; k++) if (a >= t[k] && (ms[k] == "" || l < ms[k])) ms[k] = l
      split("0.2 0.4 0.6 0.8", b, " ")
      for (k = 1; k <= 4; k++) if (l <= b[k] && a > best[k]) best[k] = a
    }
    END {
      printf "| %s | %d", label, front
      for (k = 1; k <= 6; k++) printf " | %.3f", ms[k]
      for (k = 1; k <= 4; k++) printf " | %.2f", best[k]
      print " |"
    }' "$out/$df"/*/ranked.csv
done
