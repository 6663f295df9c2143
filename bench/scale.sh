#!/usr/bin/env bash
# Times the issue-6 scale benchmark: bench/trials/six-infusions-60d.yaml with N subjects (default 10000),
# printing wall time, CPU time and peak resident memory. Usage: bench/scale.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
spec=$(mktemp --suffix=.yaml)
out=$(mktemp --suffix=.json)
trap 'rm -f "$spec" "$out"' EXIT
sed "s/^subjects_per_arm: .*/subjects_per_arm: $n/" bench/trials/six-infusions-60d.yaml > "$spec"
./ketasim check models/ketamine.ksm > /dev/null   # builds the jar first if needed, outside the timing
/usr/bin/time -f "wall %e s, cpu %U s user + %S s sys, peak RSS %M kB" java -Xss4m -jar ketasim-cli/target/ketasim.jar trial "$spec" --out "$out" 2>&1 \
  | grep -E "^wall|wrote" || true
echo "subjects: $n, cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
