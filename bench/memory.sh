#!/usr/bin/env bash
# Bounded memory of a streamed trial: runs bench/trials/six-infusions-60d.yaml with N subjects (default 1000)
# through `ketasim trial` under a fixed small heap (default -Xmx256m; second argument), printing wall time, CPU time
# and peak resident memory, and the live heap: every few seconds (SAMPLE_S, default 5) `jcmd GC.run` forces a full
# collection, after which the JVM's GC log shows what is still reachable. Run it at two sizes: with streaming
# aggregation the live heap does not grow with N. Usage: bench/memory.sh [N] [HEAP, e.g. 256m]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
heap=${2:-256m}
sample=${SAMPLE_S:-5}
spec=$(mktemp --suffix=.yaml)
out=$(mktemp --suffix=.json)
gclog=$(mktemp --suffix=.log)
timing=$(mktemp --suffix=.txt)
trap 'rm -f "$spec" "$out" "$gclog" "$timing"' EXIT
sed "s/^subjects_per_arm: .*/subjects_per_arm: $n/" bench/trials/six-infusions-60d.yaml > "$spec"
./ketasim check models/ketamine.ksm > /dev/null   # builds the jar first if needed, outside the timing
load=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -o "$timing" -f "wall %e s, cpu %U s user + %S s sys, peak RSS %M kB" \
  java -Xmx"$heap" -Xss4m -Xlog:gc:file="$gclog" -jar ketasim-cli/target/ketasim.jar trial "$spec" --out "$out" 2>/dev/null &
timer=$!
sleep 1
jvm=$(pgrep -P "$timer" java || true)
while kill -0 "$timer" 2>/dev/null; do
  sleep "$sample"
  [[ -n "$jvm" ]] && jcmd "$jvm" GC.run > /dev/null 2>&1 || true
done
wait "$timer"
cat "$timing"
# "GC(7) Pause Full (System.gc()) 40M->6M(256M) 12.1ms": what is reachable at that moment
full=$(grep 'Pause Full' "$gclog" | grep -oE '[0-9]+M->[0-9]+M' | sed 's/.*->//; s/M//' || true)
echo "live heap after forced full GCs: $(echo $full | tr ' ' ',') MB; largest $(echo "$full" | sort -n | tail -1) MB (of -Xmx$heap)"
echo "subjects: $n, cores: $(nproc), load before: $load"
