package org.ketasim.engine.solve;

/**
 * The coefficients of an embedded Rosenbrock (or Rosenbrock–W) method, stored in the transformed form
 * that needs no matrix–vector products (Hairer &amp; Wanner, <i>Solving ODEs II</i>, §IV.7, eq. 7.25):
 *
 * <pre>
 *   (I/(h γ) − J) K_i = f(t + α_i h, y + Σ_{j&lt;i} a_ij K_j) + Σ_{j&lt;i} (c_ij / h) K_j + h γ_i ∂f/∂t
 *   y_new = y + Σ m_i K_i,      error = Σ e_i K_i
 * </pre>
 *
 * <p>Two methods are provided:
 * <ul>
 *   <li>{@link #RODAS4}: Hairer and Wanner's 6-stage, order 4(3), L-stable, stiffly accurate method
 *       (the {@code rodas.f} coefficients). Its order needs the exact Jacobian, so the integrator
 *       recomputes it every step.</li>
 *   <li>{@link #ROS34PW2}: Rang and Angermann's 4-stage, order 3(2), L-stable, stiffly accurate
 *       Rosenbrock–W method (BIT 45:761, 2005). A W-method keeps its order with any approximation of the
 *       Jacobian, so the integrator reuses one Jacobian over many steps.</li>
 * </ul>
 */
public final class RosenbrockTableau {

    /** Hairer–Wanner RODAS4: 6 stages, order 4 with an embedded order 3, L-stable, stiffly accurate. */
    public static final RosenbrockTableau RODAS4 = rodas4();

    /** Rang–Angermann ROS34PW2: 4 stages, order 3 with an embedded order 2, L-stable W-method. */
    public static final RosenbrockTableau ROS34PW2 = ros34pw2();

    private final String name;
    private final int order;
    private final int embeddedOrder;
    private final boolean wMethod;
    private final double gamma;
    private final double[][] a;
    private final double[][] c;
    private final double[] m;
    private final double[] e;
    private final double[] alpha;
    private final double[] gammaSum;
    private final boolean[] newEvaluation;

    private RosenbrockTableau(final String name, final int order, final int embeddedOrder, final boolean wMethod,
                              final double gamma, final double[][] a, final double[][] c, final double[] m,
                              final double[] e, final double[] alpha, final double[] gammaSum) {
        this.name = name;
        this.order = order;
        this.embeddedOrder = embeddedOrder;
        this.wMethod = wMethod;
        this.gamma = gamma;
        this.a = a;
        this.c = c;
        this.m = m;
        this.e = e;
        this.alpha = alpha;
        this.gammaSum = gammaSum;
        final int s = m.length;
        this.newEvaluation = new boolean[s];
        for (int i = 0; i < s; i++) {
            newEvaluation[i] = i > 0 && !sameStageArgument(i);
        }
    }

    /** Stage i evaluates f where stage i−1 did: reuse that evaluation (Rodas3-type tableaus). */
    private boolean sameStageArgument(final int i) {
        if (alpha[i] != alpha[i - 1] || a[i][i - 1] != 0) {
            return false;
        }
        for (int j = 0; j < i - 1; j++) {
            if (a[i][j] != a[i - 1][j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds a tableau from the classical form (Hairer–Wanner eq. 7.4): stage weights α_ij and γ_ij
     * (lower triangular, diagonal γ), and the weights b and b̂ of the solution and its embedded estimate.
     *
     * @param name          method name
     * @param order         order of the solution
     * @param embeddedOrder order of the embedded solution
     * @param wMethod       whether the order holds for any Jacobian approximation
     * @param gamma         diagonal γ
     * @param alphaIJ       α_ij, s × s, strictly lower triangular
     * @param gammaIJ       γ_ij below the diagonal, s × s (diagonal ignored, taken as γ)
     * @param b             solution weights, length s
     * @param bHat          embedded weights, length s
     * @return the transformed tableau
     */
    public static RosenbrockTableau fromClassicalForm(final String name, final int order, final int embeddedOrder,
                                                      final boolean wMethod, final double gamma,
                                                      final double[][] alphaIJ, final double[][] gammaIJ,
                                                      final double[] b, final double[] bHat) {
        final int s = b.length;
        // Γ = (γ_ij) with γ on the diagonal; invert the lower-triangular Γ by forward substitution.
        final double[][] big = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                big[i][j] = gammaIJ[i][j];
            }
            big[i][i] = gamma;
        }
        final double[][] inv = new double[s][s];
        for (int col = 0; col < s; col++) {
            for (int i = 0; i < s; i++) {
                double v = i == col ? 1.0 : 0.0;
                for (int k = 0; k < i; k++) {
                    v -= big[i][k] * inv[k][col];
                }
                inv[i][col] = v / big[i][i];
            }
        }
        final double[][] aT = new double[s][s];
        final double[][] cT = new double[s][s];
        final double[] m = new double[s];
        final double[] mHat = new double[s];
        final double[] e = new double[s];
        final double[] alpha = new double[s];
        final double[] gammaSum = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int k = 0; k < s; k++) {
                    sum += alphaIJ[i][k] * inv[k][j];
                }
                aT[i][j] = sum;
                cT[i][j] = -inv[i][j];
            }
            for (int j = 0; j < s; j++) {
                alpha[i] += j < i ? alphaIJ[i][j] : 0.0;
                gammaSum[i] += big[i][j];
            }
        }
        for (int j = 0; j < s; j++) {
            for (int k = 0; k < s; k++) {
                m[j] += b[k] * inv[k][j];
                mHat[j] += bHat[k] * inv[k][j];
            }
            e[j] = m[j] - mHat[j];
        }
        return new RosenbrockTableau(name, order, embeddedOrder, wMethod, gamma, aT, cT, m, e, alpha, gammaSum);
    }

    private static RosenbrockTableau rodas4() {
        // E. Hairer, G. Wanner, Solving ODEs II (1996), §IV.7; coefficients of rodas.f (subroutine RODAS4),
        // already in the transformed form. Rows 5 and 6 make the method stiffly accurate:
        // the 5th stage argument is the embedded solution, y_new = (6th stage argument) + K6, error = K6.
        final double a51 = 1.221224509226641;
        final double a52 = 6.019134481288629;
        final double a53 = 12.53708332932087;
        final double a54 = -0.6878860361058950;
        final double[][] a = {
            {},
            {1.544},
            {0.9466785280815826, 0.2557011698983284},
            {3.314825187068521, 2.896124015972201, 0.9986419139977817},
            {a51, a52, a53, a54},
            {a51, a52, a53, a54, 1.0},
        };
        final double[][] c = {
            {},
            {-5.6688},
            {-2.430093356833875, -0.2063599157091915},
            {-0.1073529058151375, -9.594562251023355, -20.47028614809616},
            {7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160},
            {8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054},
        };
        final double[] m = {a51, a52, a53, a54, 1.0, 1.0};
        final double[] e = {0, 0, 0, 0, 0, 1.0};
        final double[] alpha = {0.0, 0.386, 0.21, 0.63, 1.0, 1.0};
        final double[] gammaSum = {0.25, -0.1043, 0.1035, -0.0362, 0.0, 0.0};
        return new RosenbrockTableau("RODAS4", 4, 3, false, 0.25, square(a), square(c), m, e, alpha, gammaSum);
    }

    private static RosenbrockTableau ros34pw2() {
        // J. Rang, L. Angermann, New Rosenbrock W-methods of order 3 for partial differential algebraic
        // equations of index 1, BIT Numer. Math. 45 (2005) 761-787, method ROS34PW2 (as tabulated in
        // PETSc's TSROSWRA34PW2).
        final double g = 4.3586652150845900e-01;
        final double[][] alphaIJ = new double[4][4];
        alphaIJ[1][0] = 8.7173304301691801e-01;
        alphaIJ[2][0] = 8.4457060015369423e-01;
        alphaIJ[2][1] = -1.1299064236397981e-01;
        alphaIJ[3][2] = 1.0;
        final double[][] gammaIJ = new double[4][4];
        gammaIJ[1][0] = -8.7173304301691801e-01;
        gammaIJ[2][0] = -9.0338057013044082e-01;
        gammaIJ[2][1] = 5.4180672388095326e-02;
        gammaIJ[3][0] = 2.4212380706095346e-01;
        gammaIJ[3][1] = -1.2232505839045147e+00;
        gammaIJ[3][2] = 5.4526025533510214e-01;
        final double[] b = {2.4212380706095346e-01, -1.2232505839045147e+00, 1.5452602553351023e+00, g};
        final double[] bHat = {3.7810903145819369e-01, -9.6042292212423178e-02, 0.5, 2.1793326075422950e-01};
        return fromClassicalForm("ROS34PW2", 3, 2, true, g, alphaIJ, gammaIJ, b, bHat);
    }

    private static double[][] square(final double[][] lower) {
        final int s = lower.length;
        final double[][] full = new double[s][s];
        for (int i = 0; i < s; i++) {
            System.arraycopy(lower[i], 0, full[i], 0, lower[i].length);
        }
        return full;
    }

    /** @return the method's name, e.g. "RODAS4" */
    public String name() {
        return name;
    }

    /** @return order of the propagated solution */
    public int order() {
        return order;
    }

    /** @return order of the embedded solution used for the error estimate */
    public int embeddedOrder() {
        return embeddedOrder;
    }

    /** @return whether the method keeps its order with an approximate (reused) Jacobian */
    public boolean isWMethod() {
        return wMethod;
    }

    /** @return number of stages */
    public int stages() {
        return m.length;
    }

    /** @return the diagonal coefficient γ */
    public double gamma() {
        return gamma;
    }

    double a(final int i, final int j) {
        return a[i][j];
    }

    double c(final int i, final int j) {
        return c[i][j];
    }

    double m(final int i) {
        return m[i];
    }

    double e(final int i) {
        return e[i];
    }

    double alpha(final int i) {
        return alpha[i];
    }

    double gammaSum(final int i) {
        return gammaSum[i];
    }

    boolean newEvaluation(final int i) {
        return newEvaluation[i];
    }

    @Override
    public String toString() {
        return name + " (order " + order + "(" + embeddedOrder + "), " + stages() + " stages"
                + (wMethod ? ", W-method)" : ")");
    }
}
