package org.ketasim.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.knowm.xchart.internal.chartpart.Chart;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

/** Writes charts stacked top to bottom into one PNG or SVG file (by the file's extension). */
final class StackedCharts {

    private StackedCharts() {
    }

    static void checkExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new UserInputException("--plot " + file + ": use a .png or .svg file name");
        }
    }

    /**
     * @param width       image width (px)
     * @param panelHeight height of each chart (px)
     */
    static void write(List<? extends Chart<?, ?>> charts, int width, int panelHeight, Path file) throws IOException {
        checkExtension(file);
        int height = panelHeight * charts.size();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            VectorGraphics2D g = new VectorGraphics2D();
            paint(g, charts, width, panelHeight);
            Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.writeTo(out);
            }
        } else {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            paint(g, charts, width, panelHeight);
            g.dispose();
            ImageIO.write(image, "png", file.toFile());
        }
    }

    private static void paint(Graphics2D g, List<? extends Chart<?, ?>> charts, int width, int panelHeight) {
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create(0, i * panelHeight, width, panelHeight);
            charts.get(i).paint(panel, width, panelHeight);
            panel.dispose();
        }
    }
}
