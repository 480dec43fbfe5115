package org.pscdesk.rtm.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * One R reference fixture of stage 1, made by {@code reference/make_enet_fixtures.R} (R 4.2.2, glmnet 4.1-6):
 * the design, glmnet's path, cv.glmnet's curve and its summary. Files start with '#' provenance lines.
 */
record ElasticNetFixture(String name, Design design, Table path, Table cv, Properties summary, Table fixed) {

    /** A numeric table: column names and rows of doubles. */
    record Table(List<String> columns, double[][] rows) {

        double[] column(String col) {
            int c = columns.indexOf(col);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + col);
            }
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = rows[i][c];
            }
            return out;
        }

        /** The values of the columns from {@code first} on, per row. */
        double[][] from(int first) {
            double[][] out = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                out[i] = Arrays.copyOfRange(rows[i], first, rows[i].length);
            }
            return out;
        }
    }

    private static final String DIR = "/org/pscdesk/rtm/reference/";

    static ElasticNetFixture load(String name) {
        Table data = table("enet_" + name + "_data.csv");
        int n = data.rows().length;
        List<String> names = data.columns().subList(1, data.columns().size());
        int p = names.size();
        int[] y = new int[n];
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            y[i] = (int) data.rows()[i][0];
            for (int j = 0; j < p; j++) {
                cols[j][i] = data.rows()[i][j + 1];
            }
        }
        Design design = new Design(y, names, names, cols);
        Properties summary = new Properties();
        try (Reader r = new StringReader(text("enet_" + name + "_summary.properties"))) {
            summary.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Table fixed = exists("enet_" + name + "_fixed.csv") ? table("enet_" + name + "_fixed.csv") : null;
        return new ElasticNetFixture(name, design, table("enet_" + name + "_path.csv"),
                table("enet_" + name + "_cv.csv"), summary, fixed);
    }

    double number(String key) {
        return Double.parseDouble(summary.getProperty(key));
    }

    int integer(String key) {
        return Integer.parseInt(summary.getProperty(key));
    }

    /** A comma-separated list of names from the summary (empty list for an empty value). */
    List<String> names(String key) {
        String v = summary.getProperty(key).trim();
        return v.isEmpty() ? List.of() : List.of(v.split(","));
    }

    private static boolean exists(String file) {
        return ElasticNetFixture.class.getResource(DIR + file) != null;
    }

    private static String text(String file) {
        try (InputStream in = ElasticNetFixture.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table table(String file) {
        List<String> columns = null;
        List<double[]> rows = new ArrayList<>();
        for (String line : text(file).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (columns == null) {
                columns = List.of(parts);
                continue;
            }
            double[] row = new double[parts.length];
            for (int c = 0; c < parts.length; c++) {
                row[c] = Double.parseDouble(parts[c]);
            }
            rows.add(row);
        }
        return new Table(columns, rows.toArray(new double[0][]));
    }
}
