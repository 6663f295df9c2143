#!/usr/bin/env bash
# KetaSim side by side with R deSolve (lsoda, RHS compiled in C) and SciPy solve_ivp, on the same model, the same
# virtual patients, the same regimen, output grid and tolerances. The peers' code is generated from
# models/ketamine.ksm into bench/peers/build/ (not committed) on every run.
#
#   bench/peers/run.sh [--subjects N] [--days D] [--rtol R] [--atol A] [--scipy LSODA,BDF] [--scipy-subjects M]
#                      [--threads T] [--no-r] [--no-python] [--no-build]
#
# Needs: Java 17 + Maven (KetaSim), R with deSolve and a C compiler (Debian: r-cran-desolve, r-base-dev), SciPy for
# Debian's /usr/bin/python3 (python3-scipy python3-numpy). A peer that is missing is skipped with a message.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build=1
args=()
for a in "$@"; do
  if [[ "$a" == "--no-build" ]]; then build=0; else args+=("$a"); fi
done
jar=ketasim-bench/target/benchmarks.jar
if [[ $build == 1 || ! -f $jar ]]; then
  echo "building KetaSim (mvn -pl ketasim-bench -am package) ..." >&2
  mvn -B -q -pl ketasim-bench -am package -DskipTests >&2
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -Xss8m -cp "$jar" org.ketasim.bench.peers.PeerBench --model models/ketamine.ksm --build bench/peers/build \
  --scripts bench/peers "${args[@]+"${args[@]}"}"
