package org.ketasim.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ketasim.forecast.Forecast;
import org.ketasim.forecast.PatientRecord;
import org.ketasim.population.Scale;

/** One panel per scale: observations (points), personalised mean and 90 % band, population-only prediction (dashed). */
final class ForecastPlot {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 360;

    private ForecastPlot() {
    }

    static void write(PatientRecord patient, Forecast f, Path file) throws IOException {
        List<Scale> scales = new ArrayList<>();
        f.trajectory().forEach(p -> {
            if (!scales.contains(p.scale())) {
                scales.add(p.scale());
            }
        });
        List<XYChart> charts = new ArrayList<>();
        for (Scale s : scales) {
            XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                    .title(s.label() + ": personalised forecast (decision support only)")
                    .xAxisTitle("day").yAxisTitle(s.label()).build();
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            c.getStyler().setChartBackgroundColor(Color.WHITE);
            List<Double> d = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            List<Double> pop = new ArrayList<>();
            for (int i = 0; i < f.trajectory().size(); i++) {
                Forecast.Point p = f.trajectory().get(i);
                if (p.scale() == s) {
                    d.add(p.day());
                    mean.add(p.mean());
                    lo.add(p.lo90());
                    hi.add(p.hi90());
                    pop.add(f.population().get(i).mean());
                }
            }
            Color blue = new Color(0x1f77b4);
            XYSeries band = c.addSeries("90% band", d, hi);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            band.setFillColor(new Color(0x1f, 0x77, 0xb4, 60));
            band.setLineColor(new Color(0x1f, 0x77, 0xb4, 90));
            band.setMarker(SeriesMarkers.NONE);
            XYSeries low = c.addSeries("lo90", d, lo);
            low.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            low.setFillColor(Color.WHITE);
            low.setLineColor(new Color(0x1f, 0x77, 0xb4, 90));
            low.setMarker(SeriesMarkers.NONE);
            low.setShowInLegend(false);
            XYSeries m = c.addSeries("personalised mean", d, mean);
            m.setMarker(SeriesMarkers.NONE);
            m.setLineColor(blue);
            m.setLineStyle(new BasicStroke(2f));
            XYSeries q = c.addSeries("population only", d, pop);
            q.setMarker(SeriesMarkers.NONE);
            q.setLineColor(Color.GRAY);
            q.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            List<Double> od = new ArrayList<>();
            List<Double> ov = new ArrayList<>();
            for (PatientRecord.Observation o : patient.observations()) {
                if (o.scale() == s) {
                    od.add(o.timeH() / 24);
                    ov.add(o.value());
                }
            }
            if (!od.isEmpty()) {
                XYSeries obs = c.addSeries("observed", od, ov);
                obs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                obs.setMarker(SeriesMarkers.CIRCLE);
                obs.setMarkerColor(Color.BLACK);
            }
            charts.add(c);
        }
        StackedCharts.write(charts, WIDTH, HEIGHT, file);
    }
}
