package org.ketasim.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ketasim.trial.KaplanMeier;
import org.ketasim.trial.TrialResult;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;


/** A trial at a glance: mean MADRS per arm with a 90% band, rates with 95% intervals, relapse curves. */
final class TrialPlot {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 300;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    private TrialPlot() {
    }

    static void write(TrialResult result, Path file) throws IOException {
        write(result, java.util.Map.of(), file);
    }

    /**
     * As {@link #write(TrialResult, Path)}, with published rates drawn beside the simulated ones.
     *
     * @param published arm name → endpoint name → published value (only rate endpoints are drawn)
     */
    static void write(TrialResult result, java.util.Map<String, java.util.Map<String, Double>> published, Path file) throws IOException {
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(trajectories(result));
        CategoryChart rates = rates(result, published);
        if (rates != null) {
            charts.add(rates);
        }
        XYChart km = relapse(result);
        if (km != null) {
            charts.add(km);
        }
        StackedCharts.write(charts, WIDTH, HEIGHT, file);
    }

    private static XYChart trajectories(TrialResult result) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(result.name() + ": mean MADRS (solid) and the 5th-95th percentiles of patients (dashed)")
                .xAxisTitle("days from the first dose").yAxisTitle("MADRS").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        BasicStroke thin = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
        for (int k = 0; k < result.arms().size(); k++) {
            TrialResult.ArmResult a = result.arms().get(k);
            Color colour = PALETTE[k % PALETTE.length];
            double[] t = a.madrs().timesH();
            double[] days = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                days[i] = t[i] / 24;
            }
            XYSeries mean = chart.addSeries(a.name() + " mean", days, a.madrs().mean());
            mean.setMarker(SeriesMarkers.NONE);
            mean.setLineStyle(new BasicStroke(2f));
            mean.setLineColor(colour);
            XYSeries hi = chart.addSeries(a.name() + " 5th-95th percentile", days, a.madrs().p95());
            XYSeries lo = chart.addSeries(a.name() + " 5%", days, a.madrs().p05());
            for (XYSeries band : new XYSeries[] {hi, lo}) {
                band.setMarker(SeriesMarkers.NONE);
                band.setLineStyle(thin);
                band.setLineColor(colour);
            }
            lo.setShowInLegend(false);
        }
        return chart;
    }

    private static CategoryChart rates(TrialResult result, java.util.Map<String, java.util.Map<String, Double>> published) {
        List<String> names = new ArrayList<>();
        result.arms().get(0).endpoints().forEach((name, ep) -> {
            if (ep.unit().equals("fraction")) {
                names.add(name);
            }
        });
        if (names.isEmpty()) {
            return null;
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Response and remission rates (95% intervals)")
                .xAxisTitle("endpoint").yAxisTitle("fraction of the arm").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        for (TrialResult.ArmResult a : result.arms()) {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String n : names) {
                var est = a.endpoints().get(n).estimate();
                values.add(est.value());
                errors.add((est.hi() - est.lo()) / 2);
            }
            Color colour = PALETTE[result.arms().indexOf(a) % PALETTE.length];
            chart.addSeries(a.name(), names, values, errors).setFillColor(colour);
            java.util.Map<String, Double> pub = published.getOrDefault(a.name(), java.util.Map.of());
            if (names.stream().anyMatch(pub::containsKey)) {
                List<Double> pv = new ArrayList<>();
                for (String n : names) {
                    pv.add(pub.getOrDefault(n, 0.0));
                }
                // the published bar beside the simulated one, in a lighter shade of the arm's colour
                chart.addSeries(a.name() + " (published)", names, pv)
                        .setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 90));
            }
        }
        if (!published.isEmpty()) {
            chart.setTitle("Response and remission rates (95% intervals); light bars: published (0 where none)");
        }
        return chart;
    }

    private static XYChart relapse(TrialResult result) {
        if (result.arms().stream().allMatch(a -> a.relapseCurve().isEmpty())) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Relapse-free responders (Kaplan-Meier)")
                .xAxisTitle("days after the last session").yAxisTitle("relapse-free fraction").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        for (TrialResult.ArmResult a : result.arms()) {
            if (a.relapseCurve().size() < 2) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            double prev = 1;
            for (KaplanMeier.Point p : a.relapseCurve()) {
                x.add(p.time());
                y.add(prev);
                x.add(p.time());
                y.add(p.survival());
                prev = p.survival();
            }
            XYSeries s = chart.addSeries(a.name(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(PALETTE[result.arms().indexOf(a) % PALETTE.length]);
        }
        return chart;
    }
}
