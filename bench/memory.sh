#!/usr/bin/env bash
# Bounded memory of a streamed trial: runs bench/trials/six-infusions-60d.yaml with N subjects (default 1000)
# under a fixed small heap (default -Xmx256m; second argument), printing wall time, CPU time, peak resident memory
# and the largest live heap after a garbage collection (from the JVM's GC log). Run it at two sizes: with
# streaming aggregation the memory does not grow with N. Usage: bench/memory.sh [N] [HEAP, e.g. 256m]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
heap=${2:-256m}
spec=$(mktemp --suffix=.yaml)
out=$(mktemp --suffix=.json)
gclog=$(mktemp --suffix=.log)
trap 'rm -f "$spec" "$out" "$gclog"' EXIT
sed "s/^subjects_per_arm: .*/subjects_per_arm: $n/" bench/trials/six-infusions-60d.yaml > "$spec"
./ketasim check models/ketamine.ksm > /dev/null   # builds the jar first if needed, outside the timing
/usr/bin/time -f "wall %e s, cpu %U s user + %S s sys, peak RSS %M kB" \
  java -Xmx"$heap" -Xss4m -Xlog:gc:file="$gclog" -jar ketasim-cli/target/ketasim.jar trial "$spec" --out "$out" 2>&1 \
  | grep -E "^wall|wrote" || true
# "GC(7) Pause Young (Normal) (G1 Evacuation Pause) 40M->6M(256M) 3.1ms": the heap still live after each collection
live=$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | sed 's/.*->//; s/M//' | sort -n | tail -1)
echo "largest live heap after a GC: ${live:-n/a} MB (of -Xmx$heap), collections: $(grep -c 'Pause' "$gclog" || true)"
echo "subjects: $n, cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
