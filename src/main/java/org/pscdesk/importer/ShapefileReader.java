package org.pscdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.linuxense.javadbf.DBFCharsetHelper;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.GeometryType;

/**
 * Reads an ESRI Shapefile: {@code .shp} (shapes) + {@code .dbf} (attributes, required) + {@code .prj}
 * (CRS, optional) + {@code .cpg} (text encoding, optional), side by side on disk or inside a {@code .zip}.
 * The {@code .shx} index is not needed: records are read in order.
 *
 * <p>Geometry type: Point files are POINT and MultiPoint files MULTIPOINT. For PolyLine and Polygon files a
 * first pass over the {@code .shp} decides: LINESTRING/POLYGON when every record is a single line or
 * polygon, else MULTILINESTRING/MULTIPOLYGON, and then single ones are promoted so every geometry matches
 * the declared type.
 *
 * <p>Text encoding, first that applies: the user's forced charset ({@link ReadOptions#charset}), the
 * {@code .cpg}, the .dbf's language-driver byte, UTF-8 when every non-ASCII text byte forms valid UTF-8,
 * else Latin-1. The last two are reported in {@link #notes}.
 *
 * <p>CRS: {@link ReadOptions#crs} when given, else the {@code .prj} matched by {@link PrjCrs}; empty (with a
 * note saying to give it) when there is no {@code .prj} or it is not recognised.
 *
 * <p>Rows whose {@code .dbf} record is marked deleted are left out (as GDAL does) and counted in a note.
 * Not thread-safe.
 */
public final class ShapefileReader implements FeatureReader {

    /** Per-record notes kept before only a count is added: enough to find the pattern. */
    private static final int MAX_RECORD_NOTES = 50;
    private static final Pattern ISO_8859 = Pattern.compile("(?i)ISO[-_ ]?8859[-_ ]?(\\d{1,2})");

    private final String fileName;
    private final ShpReader shp;
    private final DbfReader dbf;
    private final ZipFile zip;
    private final List<FieldDef> fields;
    private final GeometryType geometryType;
    private final Optional<Crs> sourceCrs;
    private final GeometryFactory factory;
    private final List<Problem> notes = new ArrayList<>();
    private final List<Problem> recordNotes = new ArrayList<>();
    private long moreRecordNotes;
    private long deleted;
    private boolean dbfEnded;
    private long rowsWithoutAttributes;
    private boolean finished;

    /** One of the files that make a shapefile: on disk or a zip member. */
    private interface Part {
        String name();

        long size();

        InputStream open() throws IOException;
    }

    private record Sources(String displayName, Part shp, Part dbf, Part prj, Part cpg, ZipFile zip) {
    }

    private ShapefileReader(Sources sources, ReadOptions options) throws ImportException {
        this.fileName = sources.displayName;
        this.zip = sources.zip;
        this.factory = new GeometryFactory();
        ShpReader shpReader = null;
        DbfReader dbfReader = null;
        try {
            shpReader = new ShpReader(sources.shp.open(), fileName, sources.shp.size(), factory);
            Charset charset = chooseCharset(sources, options);
            this.sourceCrs = chooseCrs(sources, options);
            this.geometryType = geometryType(sources, shpReader.shapeType());
            dbfReader = new DbfReader(sources.dbf.open(), sources.dbf.name());
            dbfReader.setCharset(charset);
            if (!dbfReader.droppedColumns().isEmpty()) {
                notes.add(Problem.ofFile(sources.dbf.name(), "Column(s) " + dbfReader.droppedColumns() + " are memo or"
                        + " binary fields kept in a separate .dbt/.fpt file, which PSC Desk does not read; they were"
                        + " left out."));
            }
            List<FieldDef> defs = new ArrayList<>();
            for (DbfReader.Column c : dbfReader.columns()) {
                defs.add(new FieldDef(c.name(), c.fieldType()));
            }
            this.fields = List.copyOf(defs);
        } catch (IOException e) {
            closeQuietly(shpReader, dbfReader, sources.zip);
            throw new ImportException(Problem.ofFile(fileName, "Cannot read " + fileName + ": " + e.getMessage()), e);
        } catch (ImportException | RuntimeException e) {
            closeQuietly(shpReader, dbfReader, sources.zip);
            throw e;
        }
        this.shp = shpReader;
        this.dbf = dbfReader;
    }

    /**
     * Opens a {@code .shp} (its sidecar files beside it, matched by base name, any letter case) or a
     * {@code .zip} holding one shapefile, or several and {@link ReadOptions#member} naming one.
     *
     * @throws ImportException when a required part is missing, the zip is ambiguous, or the files are
     *                         damaged beyond reading (e.g. a cut-short .shp)
     */
    public static ShapefileReader open(Path shpOrZip, ReadOptions options) throws ImportException {
        ReadOptions opts = options == null ? ReadOptions.DEFAULTS : options;
        String name = shpOrZip.getFileName().toString();
        if (!Files.isRegularFile(shpOrZip)) {
            throw new ImportException(Problem.ofFile(name, name + " does not exist or is not a file."));
        }
        Sources sources = name.toLowerCase(Locale.ROOT).endsWith(".zip") ? fromZip(shpOrZip, opts) : fromDisk(shpOrZip);
        return new ShapefileReader(sources, opts);
    }

    private static Sources fromDisk(Path path) throws ImportException {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path dir = path.toAbsolutePath().getParent();
        List<Path> siblings;
        try (Stream<Path> list = Files.list(dir)) {
            siblings = list.filter(p -> {
                String n = p.getFileName().toString();
                int d = n.lastIndexOf('.');
                return d > 0 && n.substring(0, d).equalsIgnoreCase(base);
            }).sorted().toList();
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(name, "Cannot list the folder of " + name + ": "
                    + e.getMessage()), e);
        }
        Part shp = diskPart(siblings, base, "shp");
        String shpName = shp == null ? base + ".shp" : shp.name();
        if (shp == null) {
            throw new ImportException(Problem.ofFile(shpName, "There is no " + base + ".shp beside " + name
                    + ": a shapefile's shapes are in the .shp. Copy it into the same folder."));
        }
        Part dbf = diskPart(siblings, base, "dbf");
        if (dbf == null) {
            throw noDbf(shpName);
        }
        return new Sources(shpName, shp, dbf, diskPart(siblings, base, "prj"), diskPart(siblings, base, "cpg"), null);
    }

    private static Part diskPart(List<Path> siblings, String base, String ext) {
        Path exact = null;
        Path any = null;
        for (Path p : siblings) {
            String n = p.getFileName().toString();
            if (!n.toLowerCase(Locale.ROOT).endsWith("." + ext) || n.length() != base.length() + ext.length() + 1
                    || !Files.isRegularFile(p)) {
                continue;
            }
            if (n.equals(base + "." + ext)) {
                exact = p;
            } else if (any == null) {
                any = p;
            }
        }
        Path chosen = exact != null ? exact : any;
        if (chosen == null) {
            return null;
        }
        String partName = chosen.getFileName().toString();
        return new Part() {
            @Override
            public String name() {
                return partName;
            }

            @Override
            public long size() {
                try {
                    return Files.size(chosen);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(chosen);
            }
        };
    }

    private static ImportException noDbf(String shpName) {
        return new ImportException(Problem.ofFile(shpName, shpName + " has no .dbf: copy the .dbf beside the .shp"
                + " (same name, ending in .dbf). A shapefile needs its .shp, .dbf and, for its coordinate system,"
                + " .prj."));
    }

    private static Sources fromZip(Path path, ReadOptions options) throws ImportException {
        String zipName = path.getFileName().toString();
        ZipFile zip = openZip(path, zipName);
        try {
            List<ZipEntry> entries = zip.stream().map(e -> (ZipEntry) e)
                    .filter(e -> !e.isDirectory() && !e.getName().startsWith("__MACOSX/")
                            && !baseName(e.getName()).startsWith("._"))
                    .toList();
            List<ZipEntry> shps = entries.stream()
                    .filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith(".shp")).toList();
            if (shps.isEmpty()) {
                throw new ImportException(Problem.ofFile(zipName, zipName + " holds no shapefile (no .shp file inside)."
                        + " Check that it is the right zip."));
            }
            List<String> names = shps.stream().map(ZipEntry::getName).toList();
            ZipEntry chosen;
            if (options.member() != null) {
                chosen = shps.stream().filter(e -> memberMatches(e.getName(), options.member())).findFirst()
                        .orElseThrow(() -> new ImportException(Problem.ofFile(zipName, zipName + " has no shapefile"
                                + " named \"" + options.member() + "\". It holds: " + String.join(", ", names) + ".")));
            } else if (shps.size() > 1) {
                throw new ImportException(Problem.ofFile(zipName, zipName + " holds " + shps.size() + " shapefiles: "
                        + String.join(", ", names) + ". Choose one with --member NAME (for example --member "
                        + baseName(names.get(0)) + ")."));
            } else {
                chosen = shps.get(0);
            }
            String prefix = chosen.getName().substring(0, chosen.getName().length() - 4);
            String display = zipName + "/" + chosen.getName();
            Part dbf = zipPart(zip, entries, prefix, "dbf");
            if (dbf == null) {
                throw noDbf(display);
            }
            return new Sources(display, zipPart(zip, entries, prefix, "shp"), dbf, zipPart(zip, entries, prefix, "prj"),
                    zipPart(zip, entries, prefix, "cpg"), zip);
        } catch (ImportException | RuntimeException e) {
            closeQuietly(null, null, zip);
            throw e;
        }
    }

    private static ZipFile openZip(Path path, String zipName) throws ImportException {
        try {
            return new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            try {
                // names written by old Windows tools are in the DOS code page, not UTF-8
                return new ZipFile(path.toFile(), Charset.forName("IBM437"));
            } catch (IOException e2) {
                throw new ImportException(Problem.ofFile(zipName, zipName + " is not a readable zip file ("
                        + e.getMessage() + "). Check the download or zip it again."), e2);
            }
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(zipName, "Cannot read " + zipName + ": " + e.getMessage()), e);
        }
    }

    private static boolean memberMatches(String entryName, String member) {
        String m = member.replace('\\', '/');
        String base = baseName(entryName);
        return entryName.equalsIgnoreCase(m) || base.equalsIgnoreCase(m)
                || base.substring(0, base.length() - 4).equalsIgnoreCase(m);
    }

    private static String baseName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    private static Part zipPart(ZipFile zip, List<ZipEntry> entries, String prefix, String ext) {
        ZipEntry found = null;
        for (ZipEntry e : entries) {
            String n = e.getName();
            if (n.length() == prefix.length() + ext.length() + 1 && n.regionMatches(true, 0, prefix, 0, prefix.length())
                    && n.toLowerCase(Locale.ROOT).endsWith("." + ext)) {
                if (n.startsWith(prefix)) {
                    found = e;
                    break;
                }
                if (found == null) {
                    found = e;
                }
            }
        }
        if (found == null) {
            return null;
        }
        ZipEntry entry = found;
        String partName = baseName(entry.getName());
        return new Part() {
            @Override
            public String name() {
                return partName;
            }

            @Override
            public long size() {
                return entry.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return zip.getInputStream(entry);
            }
        };
    }

    private Charset chooseCharset(Sources sources, ReadOptions options) throws IOException, ImportException {
        if (options.charset() != null) {
            return options.charset();
        }
        if (sources.cpg != null) {
            String text;
            try (InputStream in = sources.cpg.open()) {
                text = new String(in.readNBytes(256), StandardCharsets.ISO_8859_1).strip();
            }
            Charset cs = cpgCharset(text);
            if (cs != null) {
                return cs;
            }
            notes.add(Problem.ofFile(sources.cpg.name(), "The .cpg names the encoding \"" + text + "\", which is not"
                    + " known here; the encoding was worked out from the .dbf instead."));
        }
        int ldid;
        try (InputStream in = sources.dbf.open()) {
            byte[] head = in.readNBytes(32);
            ldid = head.length > 29 ? head[29] & 0xFF : 0;
        }
        if (ldid != 0) {
            Charset cs = DBFCharsetHelper.getCharsetByByte(ldid);
            if (cs != null) {
                return cs;
            }
        }
        Boolean utf8;
        try (InputStream in = sources.dbf.open()) {
            utf8 = DbfReader.sniffUtf8(in, sources.dbf.name());
        }
        if (Boolean.TRUE.equals(utf8)) {
            notes.add(Problem.ofFile(sources.dbf.name(), "There is no .cpg file to say how text is encoded; the text"
                    + " is valid UTF-8, so it was read as UTF-8. If names look wrong, put a .cpg holding the right"
                    + " encoding beside the .shp."));
            return StandardCharsets.UTF_8;
        }
        if (Boolean.FALSE.equals(utf8)) {
            notes.add(Problem.ofFile(sources.dbf.name(), "There is no .cpg file to say how text is encoded; it was"
                    + " read as Latin-1 (ISO-8859-1). If accented names look wrong, put a .cpg holding the right"
                    + " encoding (for example UTF-8 or 1252) beside the .shp."));
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** A .cpg's content ("UTF-8", "1252", "ANSI 1252", "88591", "ISO-8859-1"...) as a charset, or null. */
    static Charset cpgCharset(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, "ANSI", 0, 4)) {
            t = t.substring(4).strip();
        }
        if (t.isEmpty()) {
            return null;
        }
        if (t.equals("65001")) {
            return StandardCharsets.UTF_8;
        }
        if (t.matches("8859\\d{1,2}")) {
            t = "ISO-8859-" + t.substring(4);
        }
        Matcher iso = ISO_8859.matcher(t);
        if (iso.matches()) {
            t = "ISO-8859-" + iso.group(1);
        }
        List<String> tries = t.matches("\\d+") ? List.of("windows-" + t, "IBM" + t, "x-IBM" + t, "cp" + t) : List.of(t);
        for (String candidate : tries) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private Optional<Crs> chooseCrs(Sources sources, ReadOptions options) throws IOException {
        String prjName = sources.prj == null ? null : sources.prj.name();
        PrjCrs.Result fromPrj = null;
        String wkt = null;
        if (sources.prj != null) {
            try (InputStream in = sources.prj.open()) {
                wkt = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
            }
            fromPrj = PrjCrs.matchWithNote(wkt);
        }
        if (options.crs() != null) {
            if (fromPrj != null && fromPrj.crs().isPresent() && !fromPrj.crs().get().id().equals(options.crs().id())) {
                notes.add(Problem.ofFile(prjName, "The .prj says " + fromPrj.crs().get() + "; the coordinate system"
                        + " you gave, " + options.crs() + ", was used instead."));
            }
            return Optional.of(options.crs());
        }
        if (fromPrj == null) {
            notes.add(Problem.ofFile(fileName, fileName + " has no .prj file, so its coordinate system is unknown."
                    + " Give it with --crs (for example --crs EPSG:26915 for UTM zone 15N, ESRI:102696 for Missouri"
                    + " East feet)."));
            return Optional.empty();
        }
        if (fromPrj.crs().isEmpty()) {
            notes.add(Problem.ofFile(prjName, "The .prj describes a coordinate system PSC Desk does not recognise ("
                    + abbreviate(wkt) + "). Give it with --crs; `gdalsrsinfo -o epsg " + prjName + "` can tell its"
                    + " EPSG code."));
            return Optional.empty();
        }
        if (fromPrj.note() != null) {
            notes.add(Problem.ofFile(prjName, fromPrj.note()));
        }
        return fromPrj.crs();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private GeometryType geometryType(Sources sources, int shapeType) throws IOException, ImportException {
        int base = ShpReader.baseType(shapeType);
        if (base == 1) {
            return GeometryType.POINT;
        }
        if (base == 8) {
            return GeometryType.MULTIPOINT;
        }
        if (base == 0) {
            return GeometryType.GEOMETRY;
        }
        boolean multi = false;
        try (ShpReader pass = new ShpReader(sources.shp.open(), fileName, sources.shp.size(), factory)) {
            ShpReader.Shape s;
            while (!multi && (s = pass.next()) != null) {
                multi = s.geometry() instanceof MultiPolygon || s.geometry() instanceof MultiLineString;
            }
        }
        if (base == 3) {
            return multi ? GeometryType.MULTILINESTRING : GeometryType.LINESTRING;
        }
        return multi ? GeometryType.MULTIPOLYGON : GeometryType.POLYGON;
    }

    @Override
    public List<FieldDef> fields() {
        return fields;
    }

    @Override
    public GeometryType geometryType() {
        return geometryType;
    }

    @Override
    public Optional<Crs> sourceCrs() {
        return sourceCrs;
    }

    @Override
    public SourceRecord next() throws ImportException {
        if (finished) {
            return null;
        }
        while (true) {
            ShpReader.Shape shape = shp.next();
            if (shape == null) {
                finish();
                return null;
            }
            DbfReader.Row row = dbfEnded ? null : dbf.next();
            if (row == null && !dbfEnded) {
                dbfEnded = true;
            }
            if (row != null && row.deleted()) {
                deleted++;
                continue;
            }
            Object[] values = row == null ? new Object[fields.size()] : row.values();
            if (row == null) {
                rowsWithoutAttributes++;
            }
            long n = shape.recordNumber();
            if (shape.note() != null) {
                recordNote(new Problem(fileName, n, null, "The shape " + shape.note() + "."));
            }
            if (shape.geometry() == null) {
                return SourceRecord.skipped(fileName, n, values, shape.skipReason(),
                        new Problem(fileName, n, null, shape.message()));
            }
            return SourceRecord.ok(fileName, n, conform(shape.geometry()), values);
        }
    }

    private Geometry conform(Geometry g) {
        if (geometryType == GeometryType.MULTIPOLYGON && g instanceof Polygon p) {
            return factory.createMultiPolygon(new Polygon[] {p});
        }
        if (geometryType == GeometryType.MULTILINESTRING && g instanceof LineString l) {
            return factory.createMultiLineString(new LineString[] {l});
        }
        return g;
    }

    private void recordNote(Problem p) {
        if (recordNotes.size() < MAX_RECORD_NOTES) {
            recordNotes.add(p);
        } else {
            moreRecordNotes++;
        }
    }

    private void finish() throws ImportException {
        finished = true;
        long extra = 0;
        if (!dbfEnded) {
            DbfReader.Row r;
            while ((r = dbf.next()) != null) {
                if (!r.deleted()) {
                    extra++;
                }
            }
        }
        if (extra > 0) {
            notes.add(Problem.ofFile(fileName, "The .dbf has " + extra + " more row(s) than the .shp has shapes; those"
                    + " rows have no shape and were not imported. The .shp and .dbf may come from different"
                    + " versions of the data."));
        }
        if (rowsWithoutAttributes > 0) {
            notes.add(Problem.ofFile(fileName, rowsWithoutAttributes + " shape(s) at the end of the .shp have no row in"
                    + " the .dbf, so their fields are empty. The .shp and .dbf may come from different versions of"
                    + " the data."));
        }
        if (deleted > 0) {
            notes.add(Problem.ofFile(fileName, deleted + " row(s) are marked deleted in the .dbf and were left out."));
        }
    }

    @Override
    public List<Problem> notes() {
        List<Problem> all = new ArrayList<>(notes);
        all.addAll(dbf.badValueNotes());
        all.addAll(recordNotes);
        if (moreRecordNotes > 0) {
            all.add(Problem.ofFile(fileName, moreRecordNotes + " more shape(s) had the same kinds of remarks."));
        }
        return all;
    }

    @Override
    public long[] progress() {
        return new long[] {shp.position(), shp.length()};
    }

    @Override
    public void close() {
        closeQuietly(shp, dbf, zip);
    }

    private static void closeQuietly(ShpReader s, DbfReader d, ZipFile z) {
        if (s != null) {
            s.close();
        }
        if (d != null) {
            d.close();
        }
        if (z != null) {
            try {
                z.close();
            } catch (IOException e) {
                // read-only input: nothing to lose
            }
        }
    }
}
