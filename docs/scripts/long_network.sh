#!/usr/bin/env bash
# Writes a Tessel network YAML of N layers on stdout: residual blocks of two 3x3 convolutions (64
# filters, padded) and an add, repeated on a 56x56x64 input. For the long-network figures of
# docs/performance.md. Usage: bash docs/scripts/long_network.sh 2500 > long2500.yaml
set -euo pipefail
n=${1:?usage: long_network.sh LAYERS}
awk -v n="$n" 'BEGIN {
  print "name: long" n
  print "input: {height: 56, width: 56, channels: 64}"
  print "layers:"
  for (i = 0; i < n; i++) {
    if (i % 3 == 2) {
      printf "  - {name: a%d, type: add, inputs: [c%d, c%d]}\n", i, i - 2, i - 1
    } else {
      printf "  - {name: c%d, type: conv, filters: 64, kernel: 3, pad: 1}\n", i
    }
  }
}'
