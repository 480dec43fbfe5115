package org.pscdesk.ui.fx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.paint.Color;

/**
 * The {@code -psc-*} colour tokens of {@code theme/base.css}, for code that paints with colours instead of
 * styling nodes (the map canvas, basemap tiles, swatches). Reading the CSS file keeps it the one place
 * colours are defined; it also works off the UI thread, where tiles are drawn.
 *
 * <p>Immutable and thread-safe.
 */
public final class Theme {

    /** Stylesheet of the tokens, for {@code Scene.getStylesheets()}. */
    public static final String BASE_CSS = "/org/pscdesk/ui/theme/base.css";

    private static final Pattern TOKEN = Pattern.compile("(-psc-[a-z0-9-]+)\\s*:\\s*(#[0-9a-fA-F]{3,8})\\s*;");
    private static final Theme BASE = load(BASE_CSS);

    private final Map<String, Color> colors;

    private Theme(Map<String, Color> colors) {
        this.colors = Map.copyOf(colors);
    }

    /** The tokens of {@code theme/base.css}. */
    public static Theme base() {
        return BASE;
    }

    static Theme load(String resource) {
        try (InputStream in = Theme.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the application jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    static Theme parse(String css) {
        Map<String, Color> map = new HashMap<>();
        Matcher m = TOKEN.matcher(css);
        while (m.find()) {
            map.put(m.group(1), Color.web(m.group(2)));
        }
        return new Theme(map);
    }

    /** A token's colour, e.g. {@code color("-psc-layer-1")}. */
    public Color color(String token) {
        Color c = colors.get(token);
        if (c == null) {
            throw new IllegalArgumentException("no colour token " + token + " in " + BASE_CSS);
        }
        return c;
    }

    /** Whether the token exists. */
    public boolean has(String token) {
        return colors.containsKey(token);
    }

    /** The same colour for Java2D (basemap tiles). */
    public java.awt.Color awt(String token) {
        Color c = color(token);
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    /** The token's colour with another opacity. */
    public Color color(String token, double opacity) {
        Color c = color(token);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), opacity);
    }
}
