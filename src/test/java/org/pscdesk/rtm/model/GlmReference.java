package org.pscdesk.rtm.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Reads the stage-2 R reference fixtures in {@code /org/pscdesk/rtm/reference/}: the designs
 * {@code glm_data_<name>.csv} (with factors in {@code glm_data_<name>.properties}) and the result files
 * {@code glm_*, nb2_*, nbii_*, step_*.properties}, made by the {@code make_*_fixtures.R} scripts there (R 4.2.2,
 * MASS 7.3-58.2). Lines starting with '#' are provenance; R's NA reads as NaN.
 */
public final class GlmReference {

    private static final String DIR = "/org/pscdesk/rtm/reference/";

    private GlmReference() {
    }

    /** The design of fixture {@code name} (fx1 … fx4), with its variables' factors. */
    public static Design design(String name) {
        List<String> header;
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = reader("glm_data_" + name + ".csv")) {
            String line = r.readLine();
            while (line != null && line.startsWith("#")) {
                line = r.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("glm_data_" + name + ".csv has no header");
            }
            header = Arrays.asList(line.split(","));
            for (line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = rows.size();
        int p = header.size() - 1;
        int[] y = new int[n];
        double[][] columns = new double[p][n];
        for (int i = 0; i < n; i++) {
            y[i] = (int) rows.get(i)[0];
            for (int j = 0; j < p; j++) {
                columns[j][i] = rows.get(i)[j + 1];
            }
        }
        List<String> names = header.subList(1, header.size());
        Properties meta = properties("glm_data_" + name + ".properties");
        List<String> vars = strings(meta, "vars");
        if (!vars.equals(names)) {
            throw new IllegalStateException("glm_data_" + name + ": columns differ from the properties' vars");
        }
        return new Design(y, names, strings(meta, "factors"), columns);
    }

    /** The design with more columns appended (each its own factor). */
    public static Design withColumns(Design d, List<String> names, double[][] columns) {
        List<String> allNames = new ArrayList<>(d.names());
        List<String> factors = new ArrayList<>(d.factors());
        double[][] all = new double[d.p() + columns.length][];
        for (int j = 0; j < d.p(); j++) {
            all[j] = d.column(j);
        }
        for (int j = 0; j < columns.length; j++) {
            all[d.p() + j] = columns[j];
            allNames.add(names.get(j));
            factors.add(names.get(j));
        }
        return new Design(d.y(), allNames, factors, all);
    }

    /** A properties file of the fixtures. */
    public static Properties properties(String file) {
        Properties p = new Properties();
        try (BufferedReader r = reader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A comma-separated list of numbers; NA is NaN. */
    public static double[] doubles(Properties p, String key) {
        String v = required(p, key);
        return Arrays.stream(v.split(",")).mapToDouble(s -> s.equals("NA") ? Double.NaN : Double.parseDouble(s))
                .toArray();
    }

    /** One number; NA is NaN. */
    public static double number(Properties p, String key) {
        double[] v = doubles(p, key);
        if (v.length != 1) {
            throw new IllegalStateException(key + " has " + v.length + " values");
        }
        return v[0];
    }

    /** A comma-separated list of names (empty for an empty value). */
    public static List<String> strings(Properties p, String key) {
        String v = required(p, key);
        return v.isEmpty() ? List.of() : List.of(v.split(","));
    }

    /** The design column indices of the named variables. */
    public static int[] indices(Design d, List<String> names) {
        return names.stream().mapToInt(s -> {
            int j = d.names().indexOf(s);
            if (j < 0) {
                throw new IllegalArgumentException("no variable " + s);
            }
            return j;
        }).toArray();
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("fixture has no key " + key);
        }
        return v.trim();
    }

    private static BufferedReader reader(String file) {
        InputStream in = GlmReference.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + DIR + file);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
