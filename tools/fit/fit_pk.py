"""Fits the racemic-ketamine disposition and intranasal absorption to the reference PK targets, jointly.

Run: python3 tools/fit/fit_pk.py   (needs numpy + scipy; Debian: python3-scipy). Takes about a minute.
Targets (shared/reference/pk-observations.csv; doses are ketamine HCl, converted to base with 237.73/274.19):
  zarate2006_cmax 185 ng/mL at 40 min, shape_ket_80 (80, +-30%), shape_ket_230 (30, +-30%) after 0.5 mg/kg over
  40 min in 70 kg; bolus10mg_peak 296 ng/mL at 2 min (GSD 1.71); in_10mg, in_30mg, in_50mg Cmax 22.9 / 60.8 /
  77.6 ng/mL at Tmax 23 / 14 / 16 min (same study as the bolus, Pharmacotherapy 2022 Table 6).
  pk-parameters kamp2020_vd (Vss 252 L, soft) and hasan2021_thalf_s (terminal 5.2 h, soft).
Fixed: clearance (Kamp 2020 racemic 79 L/h = harmonic mean of CL_S and CL_R with CL_S/CL_R = 1.16, Wang 2019);
  swallowed part of a nasal dose: ka_PO 1.5 /h, hepatic availability 0.15 (S) / 0.19 (R) (Hasan 2021).
"""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import least_squares

SALT = 237.73 / 274.19
CL_R = 79 * 2.16 / (2 * 1.16); CL_S = 1.16 * CL_R
FH = (0.15, 0.19); KA_PO = 1.5

def simulate(th, dose_hcl, dur_h, times_h, nasal=None):
    """Plasma ketamine (ng/mL) at times_h; nasal = (F_nas, ka_IN) for an intranasal dose, else IV."""
    V1, Q2, V2, Q3, V3 = th[:5]
    D = dose_hcl * SALT
    def rhs(t, a):
        out = []
        for i, cl in enumerate((CL_S, CL_R)):
            A1, A2, A3, N, G = a[5*i:5*i+5]
            c = A1 / V1
            r = D / 2 / dur_h if (nasal is None and t < dur_h) else 0
            ka = nasal[1] if nasal else 0
            out += [r + ka * N + FH[i] * KA_PO * G - (cl + Q2 + Q3) * c + Q2 * A2 / V2 + Q3 * A3 / V3,
                    Q2 * c - Q2 * A2 / V2, Q3 * c - Q3 * A3 / V3, -ka * N, -KA_PO * G]
        return out
    y0 = [0] * 10
    if nasal:
        y0 = [0, 0, 0, D / 2 * nasal[0], D / 2 * (1 - nasal[0])] * 2
    end = max(times_h) + 1e-9
    if nasal is None:
        s1 = solve_ivp(rhs, (0, dur_h), y0, rtol=1e-9, atol=1e-12, dense_output=True)
        s2 = solve_ivp(rhs, (dur_h, max(end, dur_h + 1e-6)), s1.y[:, -1], rtol=1e-9, atol=1e-12, dense_output=True)
        ys = [s1.sol(t) if t <= dur_h else s2.sol(t) for t in times_h]
    else:
        s = solve_ivp(rhs, (0, end), y0, rtol=1e-9, atol=1e-12, dense_output=True)
        ys = [s.sol(t) for t in times_h]
    return np.array([(y[0] + y[5]) / V1 * 1000 for y in ys])

def terminal_half_life(th, cl):
    V1, Q2, V2, Q3, V3 = th[:5]
    k = np.array([[-(cl + Q2 + Q3) / V1, Q2 / V2, Q3 / V3], [Q2 / V1, -Q2 / V2, 0], [Q3 / V1, 0, -Q3 / V3]])
    return np.log(2) / min(abs(np.linalg.eigvals(k)))

IN_OBS = [(10, 22.9, 23), (30, 60.8, 14), (50, 77.6, 16)]
GRID = np.linspace(0, 3, 181)

def residuals(x):
    th = np.exp(x)
    inf = simulate(th, 0.5 * 70, 40 / 60, [40/60, 80/60, 230/60])
    bol = simulate(th, 10, 1 / 60, [2/60])
    r = [np.log(inf[0] / 185) / 0.05, np.log(inf[1] / 80) / 0.15, np.log(inf[2] / 30) / 0.15,
         np.log(bol[0] / 296) / 0.25, np.log(sum(th[[0, 2, 4]]) / 252) / 0.3,
         np.log(terminal_half_life(th, CL_S) / 5.2) / 0.3]
    for dose, cmax, tmax in IN_OBS:
        c = simulate(th, dose, 0, GRID, nasal=(th[5], th[6]))
        r += [np.log(c.max() / cmax) / 0.2, (GRID[c.argmax()] * 60 - tmax) / 10]
    return np.array(r)

if __name__ == "__main__":
    x0 = np.log([25, 150, 100, 30, 120, 0.2, 3])
    fit = least_squares(residuals, x0, bounds=(np.log([3, 10, 10, 1, 5, 0.01, 0.3]), np.log([200, 2000, 400, 300, 600, 0.99, 60])))
    th = np.exp(fit.x)
    print("V1 Q2 V2 Q3 V3 =", np.round(th[:5], 2), " Vss =", round(sum(th[[0, 2, 4]]), 1),
          " F_IN_nas =", round(th[5], 3), " ka_IN =", round(th[6], 2), "/h;  CL_S CL_R =", round(CL_S, 2), round(CL_R, 2))
    print("infusion 40/80/110/230 min, 24 h:", np.round(simulate(th, 35, 40 / 60, [40/60, 80/60, 110/60, 230/60, 24]), 1))
    print("terminal t1/2 S, R (h):", round(terminal_half_life(th, CL_S), 2), round(terminal_half_life(th, CL_R), 2))
    print("bolus 10 mg at 2 min:", np.round(simulate(th, 10, 1 / 60, [2/60]), 1))
    for dose, cmax, tmax in IN_OBS:
        c = simulate(th, dose, 0, GRID, nasal=(th[5], th[6]))
        print(f"intranasal {dose} mg: Cmax {c.max():.1f} (obs {cmax}) at {GRID[c.argmax()]*60:.0f} min (obs {tmax})")
    print("residuals", np.round(fit.fun, 2))
