package org.pscdesk.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 26 Uniform Crime Reporting offense classes ({@code 01} criminal homicide ... {@code 26} all other
 * offenses) with plain names, read from the bundled {@code ucr-classes.csv}. An SLMPD {@code Crime} code's
 * first two digits are its class.
 *
 * <p>Immutable and thread-safe.
 */
public final class UcrClasses {

    /** One class. {@code part} is 1 for the eight Part I offenses, 2 for Part II. */
    public record UcrClass(String code, int part, String name) {
    }

    private static final Map<String, UcrClass> CLASSES = load();

    private UcrClasses() {
    }

    /** All classes in code order. */
    public static Map<String, UcrClass> all() {
        return CLASSES;
    }

    /** The class's plain name for a two-digit code such as {@code 03}, or null when unknown. */
    public static String name(String code) {
        UcrClass c = CLASSES.get(code);
        return c == null ? null : c.name();
    }

    private static Map<String, UcrClass> load() {
        Map<String, UcrClass> map = new LinkedHashMap<>();
        try (InputStream in = UcrClasses.class.getResourceAsStream("ucr-classes.csv")) {
            if (in == null) {
                throw new IllegalStateException("ucr-classes.csv missing from the application jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", 3);
                map.put(f[0], new UcrClass(f[0], Integer.parseInt(f[1]), f[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ucr-classes.csv", e);
        }
        return Collections.unmodifiableMap(map);
    }
}
