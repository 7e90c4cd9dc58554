#!/usr/bin/env bash
# Regenerates the results table of docs/scheduler.md from real runs of `tessel schedule`:
# every shipped network on the default CGRA and on the eyeriss preset, batch 1, minimising cycles.
# Usage (from the repository root): bash docs/scripts/scheduler_table.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "| network | hardware | schedule | cycles | latency ms | energy uJ | reconfigurations | vs optimal | dataflow switches (optimal) | on-chip hand-offs (optimal) |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
for hw in default eyeriss; do
  for n in alexnet vgg16 resnet18 resnet50 mobilenetv2; do
    ./tessel schedule -t "traces/networks/$n.yaml" --hw "$hw" > "$out/$hw-$n.txt"
    awk -v n="$n" -v hw="$hw" '
      /array layers/ { sw = $4; ho = $7 }
      /^schedule +cycles/ { on = 1; next }
      on && $1 ~ /^[a-z]/ && NF >= 6 { rows[++k] = $0 }
      END {
        for (i = 1; i <= k; i++) {
          split(rows[i], f, " ")
          printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", n, hw, f[1], f[2], f[3], f[4], f[5], f[6], (f[1] == "optimal" ? sw : ""), (f[1] == "optimal" ? ho : "")
        }
      }' "$out/$hw-$n.txt"
    # the dataflow's own mapping rule without the scheduler (Eyeriss: the chip rule: DRAM, then energy, then active PEs)
    ./tessel simulate -t "traces/networks/$n.yaml" --hw "$hw" -q \
      | awk -v n="$n" -v hw="$hw" '{ printf "| %s | %s | simulate (preset dataflow, its own tiling rule) | %s | %s | | | | | |\n", n, hw, $2, $6 }'
  done
done
