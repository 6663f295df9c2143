"""Writes an independent SciPy solution of the ketamine disposition for the cross-tool golden test.

Run: python3 tools/fit/golden_pk.py > ketasim-models/src/test/resources/goldens/scipy-ketamine-pk.csv
Same equations as models/ketamine.ksm's parent-drug part (three compartments per enantiomer, 70 kg, men,
no covariates), solved by scipy.integrate.solve_ivp (LSODA, rtol 1e-10). Regimens: 0.5 mg/kg HCl over 40 min;
10 mg HCl over 1 min; three 40-min infusions 48 h apart.
"""
import numpy as np
from scipy.integrate import solve_ivp

SALT = 237.73 / 274.19
V1, Q2, V2, Q3, V3 = 15.4, 387.5, 158.8, 17.36, 97.36
CL = (85.3, 73.6)

def run(doses, times):
    """doses: list of (start_h, duration_h, mg_base)."""
    bps = sorted({0.0} | {d[0] for d in doses} | {d[0] + d[1] for d in doses} | {max(times)})
    def rhs(t, a):
        out = []
        for i, cl in enumerate(CL):
            A1, A2, A3 = a[3*i:3*i+3]
            c = A1 / V1
            r = sum(mg / 2 / dur for (s, dur, mg) in doses if s <= t < s + dur)
            out += [r - (cl + Q2 + Q3) * c + Q2 * A2 / V2 + Q3 * A3 / V3, Q2 * c - Q2 * A2 / V2, Q3 * c - Q3 * A3 / V3]
        return out
    y = np.zeros(6)
    res = {}
    for lo, hi in zip(bps[:-1], bps[1:]):
        mid = (lo + hi) / 2
        s = solve_ivp(rhs, (lo, hi), y, method="LSODA", rtol=1e-10, atol=1e-13, dense_output=True, t_eval=None,
                      first_step=1e-6, max_step=(hi - lo) / 50)
        for t in times:
            if lo <= t <= hi:
                res[t] = s.sol(t)
        y = s.y[:, -1]
    return [(t, (res[t][0] / V1 * 1e3), (res[t][3] / V1 * 1e3)) for t in times]

print("regimen,time_h,s_ketamine_ng_ml,r_ketamine_ng_ml")
grid = [0.25, 40 / 60, 1, 80 / 60, 2, 230 / 60, 6, 12, 24]
for t, s, r in run([(0, 40 / 60, 0.5 * 70 * SALT)], grid):
    print(f"infusion,{t:.10g},{s:.10g},{r:.10g}")
for t, s, r in run([(0, 1 / 60, 10 * SALT)], [2 / 60, 0.25, 1, 4]):
    print(f"bolus,{t:.10g},{s:.10g},{r:.10g}")
for t, s, r in run([(0, 40 / 60, 30.0), (48, 40 / 60, 30.0), (96, 40 / 60, 30.0)], [40 / 60, 48 + 40 / 60, 96 + 40 / 60, 100, 120]):
    print(f"repeated,{t:.10g},{s:.10g},{r:.10g}")
