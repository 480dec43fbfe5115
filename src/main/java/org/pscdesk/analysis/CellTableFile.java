package org.pscdesk.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pscdesk.rtm.model.Design;

/**
 * A cell table someone already has ({@code pscdesk rtm --cells TABLE.csv --y COLUMN --vars A,B,C}): one row per
 * cell, a count column and numeric or binary (0/1, true/false) variable columns. Each column is its own factor
 * for the one-per-factor rule. Comma-separated, or tab-separated for a {@code .tsv} file; UTF-8 with or without
 * a byte-order mark.
 *
 * @param design the counts and the informative variables
 * @param candidates what each design column stands for
 * @param notes remarks for the report (columns left out)
 */
public record CellTableFile(Design design, List<Candidate> candidates, List<String> notes) {

    public static CellTableFile read(Path file, String yColumn, List<String> vars) throws RtmInputException {
        if (vars.isEmpty()) {
            throw new IllegalArgumentException("--vars names at least one column");
        }
        CSVFormat format = (file.toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? CSVFormat.TDF : CSVFormat.RFC4180)
                .builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
        String name = file.getFileName().toString();
        try (Reader reader = bomless(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = new HashMap<>();
            List<String> names = parser.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                header.putIfAbsent(names.get(i), i);
            }
            int yAt = column(header, yColumn, name, names);
            int[] at = new int[vars.size()];
            for (int j = 0; j < at.length; j++) {
                at[j] = column(header, vars.get(j), name, names);
                if (vars.indexOf(vars.get(j)) != j) {
                    throw new IllegalArgumentException("--vars names '" + vars.get(j) + "' twice");
                }
            }
            int[] y = new int[1024];
            double[][] x = new double[at.length][1024];
            int n = 0;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (n == y.length) {
                    y = Arrays.copyOf(y, n * 2);
                    for (int j = 0; j < x.length; j++) {
                        x[j] = Arrays.copyOf(x[j], n * 2);
                    }
                }
                double count = value(record, yAt, yColumn, name, line);
                if (count < 0 || count != Math.rint(count) || count > Integer.MAX_VALUE) {
                    throw new RtmInputException(name + ", line " + line + ", column '" + yColumn + "': '"
                            + record.get(yAt) + "' is not an event count (a whole number, 0 or more).");
                }
                y[n] = (int) count;
                for (int j = 0; j < at.length; j++) {
                    x[j][n] = value(record, at[j], vars.get(j), name, line);
                }
                n++;
            }
            if (n == 0) {
                throw new RtmInputException(name + " has a header but no cells.");
            }
            List<String> notes = new ArrayList<>();
            List<double[]> kept = new ArrayList<>();
            List<String> keptNames = new ArrayList<>();
            for (int j = 0; j < at.length; j++) {
                double[] column = Arrays.copyOf(x[j], n);
                if (isConstant(column)) {
                    notes.add("The column '" + vars.get(j) + "' has the same value in every cell; it was left out.");
                } else {
                    kept.add(column);
                    keptNames.add(vars.get(j));
                }
            }
            Design design = new Design(Arrays.copyOf(y, n), keptNames, keptNames, kept.toArray(new double[0][]));
            return new CellTableFile(design, keptNames.stream().map(Candidate::ofColumn).toList(), notes);
        } catch (NoSuchFileException e) {
            throw new RtmInputException("There is no file " + file + ".", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RtmInputException("Could not read " + file + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // commons-csv: a malformed quote or a duplicate header
            throw new RtmInputException(name + ": " + e.getMessage(), e);
        }
    }

    private static int column(Map<String, Integer> header, String wanted, String file, List<String> names)
            throws RtmInputException {
        Integer at = header.get(wanted);
        if (at == null) {
            throw new RtmInputException(file + " has no column '" + wanted + "'; its columns are "
                    + String.join(", ", names.subList(0, Math.min(names.size(), 30)))
                    + (names.size() > 30 ? ", …" : "") + ".");
        }
        return at;
    }

    private static double value(CSVRecord record, int at, String column, String file, long line)
            throws RtmInputException {
        if (at >= record.size()) {
            throw new RtmInputException(file + ", line " + line + ": the row has " + record.size()
                    + " fields and no value for '" + column + "'.");
        }
        String text = record.get(at).trim();
        if (text.equalsIgnoreCase("true")) {
            return 1;
        }
        if (text.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RtmInputException(file + ", line " + line + ", column '" + column + "': '" + text
                + "' is not a number; every cell needs a value (0/1, true/false or a number).");
    }

    private static boolean isConstant(double[] column) {
        for (double v : column) {
            if (v != column[0]) {
                return false;
            }
        }
        return true;
    }

    private static Reader bomless(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
