package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.LayerStyles;

/** Colours live in theme/base.css only, and the palettes the map uses are complete. */
class ThemeTest {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{3,8}\\b");
    private static final Pattern CODE_COLOUR = Pattern.compile("Color\\.(web|rgb|hsb|color)\\(|new Color\\(\\s*\\d");

    @Test
    void paletteAndCountRampAreCompleteAndDistinct() {
        Set<Color> palette = new HashSet<>();
        for (int i = 1; i <= LayerStyles.PALETTE_SIZE; i++) {
            palette.add(Theme.base().color("-psc-layer-" + i));
        }
        assertEquals(LayerStyles.PALETTE_SIZE, palette.size());
        double previous = Double.MAX_VALUE;
        for (int i = 1; i <= 5; i++) {
            double luminance = luminance(Theme.base().color("-psc-count-" + i));
            assertTrue(luminance < previous, "count ramp goes from light (few) to dark (many) at step " + i);
            previous = luminance;
        }
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    @Test
    void noColourIsWrittenOutsideTheThemeFiles() throws IOException {
        List<String> offenders = new ArrayList<>();
        Path resources = Path.of("src/main/resources/org/pscdesk/ui");
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".css")).toList()) {
                if (!p.startsWith(resources.resolve("theme")) && HEX.matcher(Files.readString(p)).find()) {
                    offenders.add(p.toString());
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/pscdesk/ui"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(p);
                if (HEX.matcher(code).find() || (!p.endsWith("Theme.java") && CODE_COLOUR.matcher(code).find())) {
                    offenders.add(p.toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "colours belong in theme/base.css");
    }
}
