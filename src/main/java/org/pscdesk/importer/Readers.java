package org.pscdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Picks the reader for the input: by preset, then extension, then content. */
final class Readers {

    private Readers() {
    }

    static FeatureReader open(ImportRequest request) throws ImportException {
        return open(request, false);
    }

    /**
     * @param speculativeTypes a CSV file may be typed from its first rows while its exact type pass runs
     *                         beside the read ({@link CsvReader#openSpeculative}); the caller then handles
     *                         {@link CsvReader.TypesChanged}
     */
    static FeatureReader open(ImportRequest request, boolean speculativeTypes) throws ImportException {
        List<Path> files = request.files();
        ReadOptions read = request.read();
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new ImportException(Problem.ofFile(f.getFileName().toString(),
                        "The file " + f + " does not exist; check the path."));
            }
        }
        String preset = request.preset() == null ? null : request.preset().toLowerCase(Locale.ROOT);
        if ("slmpd".equals(preset)) {
            return SlmpdReader.open(files, read);
        }
        if (files.size() > 1) {
            throw new IllegalArgumentException("Give one file per import (several files are merged only by the"
                    + " SLMPD preset, --preset slmpd).");
        }
        Path file = files.get(0);
        String name = file.getFileName().toString();
        if ("gtfs".equals(preset)) {
            return GtfsStopsReader.open(file, read);
        }
        if (preset != null) {
            throw new IllegalArgumentException("Unknown preset '" + request.preset() + "'; use slmpd or gtfs.");
        }
        if (Files.isDirectory(file)) {
            throw new ImportException(Problem.ofFile(name, name + " is a folder; give a file, or use --preset slmpd"
                    + " for a folder of SLMPD monthly files."));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("stops.txt")) {
            return GtfsStopsReader.open(file, read);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return speculativeTypes ? CsvReader.openSpeculative(file, read) : CsvReader.open(file, read);
        }
        if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
            return GeoJsonReader.open(file, read);
        }
        if (lower.endsWith(".shp")) {
            return ShapefileReader.open(file, read);
        }
        if (lower.endsWith(".kml") || lower.endsWith(".kmz")) {
            return KmlReader.open(file, read);
        }
        if (lower.endsWith(".gpkg")) {
            return GeoPackageReader.open(file, read);
        }
        if (lower.endsWith(".zip")) {
            return openZip(file, read);
        }
        return bySniffing(file, read);
    }

    private static FeatureReader openZip(Path file, ReadOptions read) throws ImportException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                names.add(entries.nextElement().getName().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(file.getFileName().toString(),
                    "This zip file cannot be opened (" + e.getMessage() + "); check that it is complete."), e);
        }
        if (names.stream().anyMatch(n -> n.endsWith(".shp"))) {
            return ShapefileReader.open(file, read);
        }
        if (names.stream().anyMatch(n -> n.endsWith("stops.txt"))) {
            return GtfsStopsReader.open(file, read);
        }
        throw new ImportException(Problem.ofFile(file.getFileName().toString(), "This zip holds no shapefile or GTFS"
                + " stops.txt; for SLMPD monthly files use --preset slmpd, otherwise unzip it and import the file."));
    }

    private static FeatureReader bySniffing(Path file, ReadOptions read) throws ImportException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(file.getFileName().toString(),
                    "The file cannot be read (" + e.getMessage() + ")."), e);
        }
        String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (start.startsWith("SQLite format 3")) {
            return GeoPackageReader.open(file, read);
        }
        if (start.startsWith("{")) {
            return GeoJsonReader.open(file, read);
        }
        if (start.startsWith("<")) {
            return KmlReader.open(file, read);
        }
        return CsvReader.open(file, read);
    }
}
