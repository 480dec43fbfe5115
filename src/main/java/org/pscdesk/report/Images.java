package org.pscdesk.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Pictures for printed products. */
public final class Images {

    private Images() {
    }

    /**
     * The picture without an alpha channel, flattened onto white. PDF/A-1 has no transparency, and an RGB PNG
     * goes into a PDF as it is where an RGBA one must be decoded and compressed again (≈ 0.2 s a map).
     */
    public static BufferedImage onWhite(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
