package org.pscdesk.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The first page of a PDF drawn by PDFBox, and the number of pages: what the minutes window shows. */
final class PdfPreview {

    /** Sharp on a high-density screen at the preview's size; an A4 page is then 827 × 1169 pixels. */
    static final float DPI = 100;

    record Page(BufferedImage image, int pages) {
    }

    private PdfPreview() {
    }

    /** Call off the FX thread: drawing a page with maps takes a moment. */
    static Page firstPage(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new Page(new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.RGB), doc.getNumberOfPages());
        }
    }
}
