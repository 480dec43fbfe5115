package org.pscdesk.importer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The monthly SLMPD files behind an import's inputs (files, folders searched recursively, zips), in
 * reporting order: by year, then month, taken from names such as {@code january2017.csv} or
 * {@code 2017-05.csv}, else from the first row's {@code CodedMonth}. That order makes "an earlier row"
 * meaningful for cancellations. Holds the zips open until {@link #close()}.
 *
 * <p>Not thread-safe.
 */
final class SlmpdSources implements AutoCloseable {

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    private static final Pattern MONTH_NAME_YEAR = Pattern.compile(
            "(?i)(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[ _.-]*((?:19|20)\\d\\d)");
    private static final Pattern YEAR_MONTH = Pattern.compile("((?:19|20)\\d\\d)[ _.-]?(0[1-9]|1[0-2])(?!\\d)");
    private static final Pattern CODED_MONTH = Pattern.compile("\\s*((?:19|20)\\d\\d)-(0[1-9]|1[0-2])\\s*");

    /**
     * One monthly file.
     *
     * @param source how to open it; its name is unique among the sources
     * @param yearMonth year * 100 + month, or {@link Integer#MAX_VALUE} when unknown
     */
    record Source(TextSource source, int yearMonth) {
        String name() {
            return source.name();
        }
    }

    private final List<Source> sources;
    private final List<ZipFile> zips;
    private final List<Problem> notes;

    private SlmpdSources(List<Source> sources, List<ZipFile> zips, List<Problem> notes) {
        this.sources = sources;
        this.zips = zips;
        this.notes = notes;
    }

    List<Source> sources() {
        return sources;
    }

    List<Problem> notes() {
        return notes;
    }

    /**
     * Finds the CSV files behind the inputs, drops repeats (a file given twice, or inside a folder also
     * given) and sorts them by reporting month.
     *
     * @throws ImportException when an input is missing or holds no CSV file
     */
    static SlmpdSources resolve(List<Path> inputs, Charset charset) throws ImportException {
        List<ZipFile> zips = new ArrayList<>();
        try {
            return resolve(inputs, charset, zips);
        } catch (ImportException | RuntimeException e) {
            closeAll(zips);
            throw e;
        }
    }

    private static SlmpdSources resolve(List<Path> inputs, Charset charset, List<ZipFile> zips)
            throws ImportException {
        if (inputs == null || inputs.isEmpty()) {
            throw new ImportException(Problem.ofFile("(none)", "No SLMPD file or folder was given."));
        }
        // candidate: (source, long name used when short names collide)
        List<TextSource> found = new ArrayList<>();
        List<String> longNames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path input : inputs) {
            String inputName = TextSource.fileName(input);
            if (!Files.exists(input)) {
                throw new ImportException(Problem.ofFile(inputName, "This file or folder does not exist. Check"
                        + " its name."));
            }
            boolean holdsCsv = true;
            if (Files.isDirectory(input)) {
                List<Path> csvs = csvFilesUnder(input);
                holdsCsv = !csvs.isEmpty();
                for (Path p : csvs) {
                    if (seen.add(realPath(p))) {
                        found.add(TextSource.file(p));
                        longNames.add(input.relativize(p).toString().replace('\\', '/'));
                    }
                }
            } else if (TextSource.isZip(input)) {
                ZipFile zip = TextSource.openZip(input);
                zips.add(zip);
                String zipKey = realPath(input);
                List<? extends ZipEntry> entries;
                try {
                    entries = zip.stream().filter(e -> !e.isDirectory() && isCsv(e.getName()))
                            .filter(e -> !e.getName().startsWith("__MACOSX/")
                                    && !TextSource.baseName(e.getName()).startsWith("._")).toList();
                } catch (RuntimeException e) {
                    throw new ImportException(Problem.ofFile(inputName, "The zip archive's list of files is"
                            + " damaged (" + e.getMessage() + "). Unpack it with another tool and import the"
                            + " folder."), e);
                }
                holdsCsv = !entries.isEmpty();
                for (var e : entries) {
                    if (seen.add(zipKey + "!" + e.getName())) {
                        found.add(new TextSource(TextSource.baseName(e.getName()), e.getSize(),
                                () -> zip.getInputStream(e)));
                        longNames.add(inputName + ":" + e.getName());
                    }
                }
            } else if (seen.add(realPath(input))) {
                found.add(TextSource.file(input));
                longNames.add(input.getParent() == null ? inputName
                        : TextSource.fileName(input.getParent()) + "/" + inputName);
            }
            if (!holdsCsv) {
                throw new ImportException(Problem.ofFile(inputName, (Files.isDirectory(input) ? "This folder"
                        : "This zip archive") + " holds no .csv file. Pick the folder of the monthly SLMPD files"
                        + " (for example 2017/ with january2017.csv ... december2017.csv)."));
            }
        }
        List<Problem> notes = new ArrayList<>();
        List<TextSource> named = uniqueNames(found, longNames);
        List<Source> sources = new ArrayList<>();
        for (TextSource s : named) {
            int ym = yearMonthFromName(s.name());
            if (ym == Integer.MAX_VALUE) {
                ym = yearMonthFromFirstRow(s, charset);
                if (ym == Integer.MAX_VALUE) {
                    notes.add(Problem.ofFile(s.name(), "The month of this file could not be told from its name"
                            + " or its CodedMonth, so it was read after the others: its Count = -1 rows can"
                            + " cancel rows of every other file."));
                }
            }
            sources.add(new Source(s, ym));
        }
        sources.sort(Comparator.comparingInt(Source::yearMonth).thenComparing(Source::name));
        noteRepeatedMonths(sources, notes);
        return new SlmpdSources(List.copyOf(sources), zips, notes);
    }

    private static List<Path> csvFilesUnder(Path dir) throws ImportException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> isCsv(TextSource.fileName(p)))
                    .filter(p -> !TextSource.fileName(p).startsWith("._")).sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new ImportException(Problem.ofFile(TextSource.fileName(dir), "The folder could not be"
                    + " searched (" + e.getMessage() + ")."), e);
        }
    }

    private static boolean isCsv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static String realPath(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().toString();
        }
    }

    /** Short names (file names) unless two sources share one; those get their longer names. */
    private static List<TextSource> uniqueNames(List<TextSource> found, List<String> longNames) {
        Map<String, Integer> counts = new HashMap<>();
        for (TextSource s : found) {
            counts.merge(s.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<TextSource> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            TextSource s = found.get(i);
            boolean clash = counts.get(s.name().toLowerCase(Locale.ROOT)) > 1;
            out.add(clash ? new TextSource(longNames.get(i), s.size(), s.opener()) : s);
        }
        return out;
    }

    /** Year * 100 + month from a name like {@code january2017.csv}, {@code Jan_2017.csv} or {@code 2017-01.csv}. */
    static int yearMonthFromName(String name) {
        Matcher m = MONTH_NAME_YEAR.matcher(name);
        if (m.find()) {
            int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1;
            return Integer.parseInt(m.group(2)) * 100 + month;
        }
        Matcher ym = YEAR_MONTH.matcher(name);
        if (ym.find()) {
            return Integer.parseInt(ym.group(1)) * 100 + Integer.parseInt(ym.group(2));
        }
        return Integer.MAX_VALUE;
    }

    private static int yearMonthFromFirstRow(TextSource s, Charset charset) {
        try (TextTable t = s.openTable(charset, ',')) {
            int col = -1;
            for (int i = 0; i < t.header().size(); i++) {
                if (TextTable.normalise(t.header().get(i)).equals("codedmonth")) {
                    col = i;
                    break;
                }
            }
            String[] r = col < 0 ? null : t.next();
            if (r != null && col < r.length) {
                Matcher m = CODED_MONTH.matcher(r[col]);
                if (m.matches()) {
                    return Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
                }
            }
        } catch (ImportException e) {
            // the real read reports what is wrong with the file
        }
        return Integer.MAX_VALUE;
    }

    private static void noteRepeatedMonths(List<Source> sources, List<Problem> notes) {
        Map<Integer, List<String>> byMonth = new LinkedHashMap<>();
        for (Source s : sources) {
            if (s.yearMonth() != Integer.MAX_VALUE) {
                byMonth.computeIfAbsent(s.yearMonth(), k -> new ArrayList<>()).add(s.name());
            }
        }
        for (var e : byMonth.entrySet()) {
            if (e.getValue().size() > 1) {
                int ym = e.getKey();
                notes.add(Problem.ofFile(e.getValue().get(0), String.format(Locale.ROOT, "%d files hold %04d-%02d"
                        + " (%s); all were read, so the same crimes may be counted twice. Import one file per"
                        + " month.", e.getValue().size(), ym / 100, ym % 100, String.join(", ", e.getValue()))));
            }
        }
    }

    /** Total bytes of all sources, or -1 when a size is unknown. */
    long totalBytes() {
        long total = 0;
        for (Source s : sources) {
            if (s.source().size() < 0) {
                return -1;
            }
            total += s.source().size();
        }
        return total;
    }

    @Override
    public void close() {
        closeAll(zips);
    }

    private static void closeAll(List<ZipFile> zips) {
        for (ZipFile z : zips) {
            try {
                z.close();
            } catch (IOException e) {
                // reading is over; nothing to undo
            }
        }
    }
}
