package org.ketasim.engine;

import org.ketasim.engine.solve.SolverStatistics;

/**
 * The result of one simulated patient: states, outputs, drug balance and dosed amount at the requested
 * times, with the integrator's work.
 *
 * <p>Row {@code i} of every array belongs to {@code timesH[i]}, in the order the times were requested.
 * States are in canonical units (mg, points, …); outputs are in each output's display unit, in the order
 * of the model's {@code [outputs]} block. The arrays are handed over without copying: the trajectory is
 * the caller's to keep or modify.
 *
 * @param timesH     the requested times (h from day 0, 00:00)
 * @param outputs    outputs[time][output], each in its display unit
 * @param states     states[time][state], in canonical units
 * @param balanceMg  the model's {@code [balance]} expression at each time (mg), NaN where it declares none
 * @param dosedMg    cumulative base amount administered by each time (mg), counting the elapsed share
 *                   of running infusions and any bolus given exactly at that time
 * @param statistics the integrator's work for the whole run
 */
public record Trajectory(double[] timesH, double[][] outputs, double[][] states, double[] balanceMg,
                         double[] dosedMg, SolverStatistics statistics) {

    /**
     * Number of time points.
     *
     * @return the length of {@link #timesH()}
     */
    public int size() {
        return timesH.length;
    }

    /**
     * One output as a time series.
     *
     * @param index position in the model's {@code [outputs]} block
     * @return a new array, one value per time (display unit)
     */
    public double[] output(final int index) {
        final double[] series = new double[timesH.length];
        for (int i = 0; i < series.length; i++) {
            series[i] = outputs[i][index];
        }
        return series;
    }

    /**
     * One state as a time series.
     *
     * @param index position in the model's {@code [states]} block
     * @return a new array, one value per time (canonical unit)
     */
    public double[] state(final int index) {
        final double[] series = new double[timesH.length];
        for (int i = 0; i < series.length; i++) {
            series[i] = states[i][index];
        }
        return series;
    }

    /**
     * The largest mass-balance defect: the model's balance minus the dosed amount, over all times.
     *
     * @return max |balanceMg − dosedMg| (mg); NaN when the model declares no balance; 0 for no times
     */
    public double maxBalanceErrorMg() {
        double max = 0;
        for (int i = 0; i < timesH.length; i++) {
            final double defect = Math.abs(balanceMg[i] - dosedMg[i]);
            if (Double.isNaN(defect)) {
                return Double.NaN;
            }
            max = Math.max(max, defect);
        }
        return max;
    }
}
