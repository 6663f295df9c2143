"""KetaSim side by side: SciPy solve_ivp with the right-hand side generated from the model file.

Usage: python3 scipy_driver.py BUILD_DIR RTOL ATOL SUBJECTS METHOD   (METHOD: LSODA, BDF, Radau; BDF-vec, Radau-vec)

Reads params.bin, doses.bin, times.bin (little-endian doubles written by KetaSim) and the generated module
ksm_model.py, integrates each subject piecewise between dose events exactly as KetaSim's Simulator does (doses
applied at a breakpoint before the outputs at that time; boluses as jumps; running infusions as constant input
rates), and writes scipy_METHOD.bin: subject x time x output. The right-hand side is the generated scalar
Python one (one call per evaluation; Jacobians by finite differences, inside ODEPACK for LSODA, in SciPy for
BDF/Radau), or with the suffix -vec the generated numpy one with vectorized=True (a finite-difference Jacobian
is then one call on an (n, n) array, but each single evaluation pays numpy's per-operation overhead). Prints
"key value" lines (seconds = integration loop only).
"""
import importlib.util
import os
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp


def main():
    build, rtol, atol, nsub, method = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    spec = importlib.util.spec_from_file_location("ksm_model", os.path.join(build, "ksm_model.py"))
    km = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(km)
    rd = lambda f: np.fromfile(os.path.join(build, f), dtype="<f8")
    params = rd("params.bin").reshape(-1, km.NP)
    doses = rd("doses.bin").reshape(-1, 7)
    times = rd("times.bin")
    atol_state = rd("atol.bin")  # per state: ATOL in each state's declared unit, as KetaSim's
    nt = len(times)
    vectorised = method.endswith("-vec")
    method = method[:-4] if vectorised else method
    make = km.make_rhs_vec if vectorised else km.make_rhs
    out = np.empty((nsub, nt, km.NO))
    nfev = 0
    stats = {"njev": 0, "nlu": 0}

    def simulate(i):
        nonlocal nfev
        p = [float(v) for v in params[i]]
        d = km.derive(p)
        y = np.array(km.initial(p, d), dtype=float)
        fr = km.dose_fractions(p, d)
        ds = doses[doses[:, 0] == i]

        def unit_input(row):  # mg entering each state per mg dosed, as KetaSim's DoseRouting
            u = np.zeros(km.NS)
            for route, enantiomer, state, slot in km.TARGETS:
                if route == int(row[1]):
                    share = row[2] if enantiomer == "S" else row[3]
                    if share > 0:
                        u[state] += share * fr[slot]
            return u

        ends = [r[5] + r[6] for r in ds if r[6] > 0]
        bps = sorted(set([r[5] for r in ds] + ends))
        rate = np.zeros(km.NS)
        res = out[i]
        t, nb, nxt, last = 0.0, 0, 0, times[-1]
        while True:
            if nb < len(bps) and bps[nb] == t:
                rate = np.zeros(km.NS)
                for r in ds:
                    if r[6] == 0 and r[5] == t:
                        y = y + r[4] * unit_input(r)
                    if r[6] > 0 and r[5] <= t < r[5] + r[6]:
                        rate = rate + r[4] / r[6] * unit_input(r)
                nb += 1
            while nxt < nt and times[nxt] == t:
                res[nxt] = km.outputs(t, y, p, d)
                nxt += 1
            if nxt >= nt:
                break
            seg_end = min(bps[nb], last) if nb < len(bps) else last
            inner = np.nonzero((times > t) & (times < seg_end))[0]
            sol = solve_ivp(make(p, d, rate), (t, seg_end), y, method=method, t_eval=np.append(times[inner], seg_end),
                            rtol=rtol, atol=atol_state, vectorized=vectorised)
            if sol.status != 0:
                raise RuntimeError("solve_ivp failed for subject %d at t=%g: %s" % (i, t, sol.message))
            nfev += sol.nfev
            stats["njev"] += sol.njev
            stats["nlu"] += sol.nlu
            for col, k in enumerate(inner):
                res[k] = km.outputs(times[k], sol.y[:, col], p, d)
            if len(inner):
                nxt = inner[-1] + 1
            y = sol.y[:, -1].copy()
            t = seg_end

    t0 = time.perf_counter()
    c0 = time.process_time()
    for i in range(nsub):
        simulate(i)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    out.astype("<f8").tofile(os.path.join(build, "scipy_%s.bin" % sys.argv[5]))
    print("version", "Python %s, SciPy %s, NumPy %s" % (sys.version.split()[0], scipy.__version__, np.__version__))
    print("seconds", repr(elapsed))
    print("cpu_seconds", repr(cpu))
    print("rhs_per_subject", nfev / nsub)
    print("jacobians_per_subject", stats["njev"] / nsub)
    print("lu_per_subject", stats["nlu"] / nsub)


if __name__ == "__main__":
    main()
