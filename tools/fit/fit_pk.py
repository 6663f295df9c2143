"""Fits the racemic-ketamine disposition parameters (V1, Q2, V2, Q3, V3) to the reference PK targets.

Run: python3 tools/fit/fit_pk.py   (needs numpy + scipy; Debian: python3-scipy)
Targets (../shared/reference/pk-observations.csv): zarate2006_cmax (185 ng/mL at 40 min), shape_ket_80 (80),
shape_ket_230 (30) after 0.5 mg/kg HCl over 40 min in 70 kg; bolus10mg_peak (296 ng/mL at 2 min after 10 mg HCl
over 1 min). Clearance is fixed to Kamp 2020 (79 L/h racemic, harmonic mean of S and R with CL_S/CL_R = 1.16,
Wang 2019); Vss is pulled softly toward Kamp 2020's 252 L.
"""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import least_squares

SALT = 237.73 / 274.19
CL_R = 79 * 2.16 / (2 * 1.16); CL_S = 1.16 * CL_R

def conc(theta, dose_mg, dur_h, times_h):
    V1, Q2, V2, Q3, V3 = theta
    def rhs(t, a):
        out = []
        for k, cl in ((0, CL_S), (3, CL_R)):
            c = a[k] / V1
            r = dose_mg / 2 / dur_h if t < dur_h else 0
            out += [r - (cl + Q2 + Q3) * c + Q2 * a[k+1] / V2 + Q3 * a[k+2] / V3, Q2 * c - Q2 * a[k+1] / V2, Q3 * c - Q3 * a[k+2] / V3]
        return out
    s1 = solve_ivp(rhs, (0, dur_h), [0]*6, rtol=1e-9, atol=1e-12, dense_output=True)
    s2 = solve_ivp(rhs, (dur_h, 30), s1.y[:, -1], rtol=1e-9, atol=1e-12, dense_output=True)
    res = []
    for t in times_h:
        y = s1.sol(t) if t <= dur_h else s2.sol(t)
        res.append((y[0] + y[3]) / V1 * 1000)  # ng/mL
    return np.array(res)

def residuals(logtheta):
    th = np.exp(logtheta)
    inf = conc(th, 0.5 * 70 * SALT, 40 / 60, [40/60, 80/60, 230/60])
    bol = conc(th, 10 * SALT, 1 / 60, [2/60])
    vss = th[0] + th[2] + th[4]
    return np.array([
        np.log(inf[0] / 185) / 0.05,     # hard anchor
        np.log(inf[1] / 80) / 0.15,
        np.log(inf[2] / 30) / 0.15,
        np.log(bol[0] / 296) / 0.25,     # GSD 1.71: weak
        np.log(vss / 252) / 0.3,
        np.log(terminal_half_life(th, CL_S) / 5.2) / 0.3,   # Hasan 2021 (long sampling)
    ])

def terminal_half_life(th, cl):
    V1, Q2, V2, Q3, V3 = th
    k = np.array([[-(cl + Q2 + Q3) / V1, Q2 / V2, Q3 / V3], [Q2 / V1, -Q2 / V2, 0], [Q3 / V1, 0, -Q3 / V3]])
    return np.log(2) / min(abs(np.linalg.eigvals(k)))

x0 = np.log([30, 150, 60, 40, 160])
fit = least_squares(residuals, x0)
th = np.exp(fit.x)
print("V1 Q2 V2 Q3 V3 =", np.round(th, 2), " Vss =", round(th[0]+th[2]+th[4], 1), "CL_S CL_R", round(CL_S, 2), round(CL_R, 2))
print("infusion 40/80/110/230 min:", np.round(conc(th, 0.5*70*SALT, 40/60, [40/60, 80/60, 110/60, 230/60, 24]), 1))
print("terminal t1/2 S, R (h):", round(terminal_half_life(th, CL_S), 2), round(terminal_half_life(th, CL_R), 2))
print("bolus 2 min:", np.round(conc(th, 10*SALT, 1/60, [2/60]), 1), " residuals", np.round(fit.fun, 2))
