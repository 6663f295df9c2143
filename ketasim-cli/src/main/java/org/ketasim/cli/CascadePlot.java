package org.ketasim.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;


/**
 * Draws the cascade as stacked panels that share a time axis, top to bottom in causal order:
 * plasma levels, NMDA receptor block, circuit and signalling, spines, MADRS, side effects, pain.
 */
final class CascadePlot {

    private static final int WIDTH = 1000;
    private static final int PANEL_HEIGHT = 210;

    private CascadePlot() {
    }

    /** One panel: a title, a y-axis label, and the outputs it shows. */
    private record Panel(String title, String yLabel, String... outputs) {
    }

    private static final List<Panel> PANELS = List.of(
            new Panel("Plasma levels", "ng/mL", "ketamine_ng_ml", "norketamine_ng_ml", "hnk_ng_ml"),
            new Panel("NMDA receptor block", "fraction", "nmdar_occupancy_interneuron", "nmdar_occupancy_pyramidal", "nmdar_trapped"),
            new Panel("Circuit and signalling", "relative to baseline", "glutamate_rel", "bdnf_rel", "mtorc1_rel", "synaptic_proteins_rel"),
            new Panel("Dendritic spines", "density (healthy = 1)", "spine_density_rel"),
            new Panel("Depression (MADRS); dashed: response threshold", "points", "madrs"),
            new Panel("Side effects during the infusion", "CADSS points / mmHg", "cadss", "sbp_change_mmhg"),
            new Panel("Pain (chronic-pain patient)", "NRS change", "pain_nrs_change"));

    static void checkExtension(Path file) {
        StackedCharts.checkExtension(file);
    }

    /** Writes the panels for times up to {@code untilH} (h). */
    static void write(SimulationRun run, Path file, double untilH) throws IOException {
        StackedCharts.write(charts(run, untilH), WIDTH, PANEL_HEIGHT, file);
    }

    private static List<XYChart> charts(SimulationRun run, double untilH) {
        double[] t = run.trajectory().timesH();
        boolean days = untilH > 72;
        int n = 0;
        while (n < t.length && t[n] <= untilH + 1e-9) {
            n++;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = days ? t[i] / 24 : t[i];
        }
        List<String> available = run.outputNames();
        List<XYChart> charts = new ArrayList<>();
        for (int p = 0; p < PANELS.size(); p++) {
            Panel panel = PANELS.get(p);
            boolean last = p == PANELS.size() - 1;
            XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(panel.title())
                    .xAxisTitle(last ? (days ? "time (days from the first session)" : "time (h from the first session)") : "")
                    .yAxisTitle(panel.yLabel()).build();
            Styler s = chart.getStyler();
            s.setLegendPosition(Styler.LegendPosition.OutsideE);
            s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            s.setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotBackgroundColor(Color.WHITE);
            s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setXAxisMax(days ? untilH / 24 : untilH);
            for (String name : panel.outputs()) {
                if (!available.contains(name)) {
                    continue;
                }
                double[] y = java.util.Arrays.copyOf(run.column(name), n);
                XYSeries series = chart.addSeries(name, x, y);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(new BasicStroke(1.8f));
            }
            if (panel.outputs()[0].equals("madrs") && available.contains("madrs")) {
                double threshold = run.column("madrs")[0] * 0.5;
                XYSeries line = chart.addSeries("response (50% of baseline)", new double[] {x[0], x[n - 1]},
                        new double[] {threshold, threshold});
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(Color.GRAY);
                line.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
            charts.add(chart);
        }
        return charts;
    }
}
