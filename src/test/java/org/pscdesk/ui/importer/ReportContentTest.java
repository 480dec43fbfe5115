package org.pscdesk.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;
import org.pscdesk.importer.ImportReport;
import org.pscdesk.importer.ImportRequest;
import org.pscdesk.importer.ImportService;
import org.pscdesk.store.Feature;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.NewLayer;
import org.pscdesk.store.Provenance;
import org.pscdesk.store.Workspace;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/** The report view's content, from a real import and from what the workspace stored with the layer. */
class ReportContentTest {

    @TempDir
    Path dir;

    @Test
    void storedReportReadsBackAsTheReportTheImportReturned() throws Exception {
        Path csv = dir.resolve("mixed.csv");
        Files.writeString(csv, "id,owner_name,lat,lon\n1,Ann,38.62,-90.25\n2,Bob,north,west\n3,Cy,38.63,-90.24\n");
        try (Workspace ws = Workspace.create(dir.resolve("w.gpkg"), Crs.of("EPSG:26915"))) {
            ImportReport returned = new ImportService(ws).run(ImportRequest.of(csv, LayerRole.FACTOR, "mixed"),
                    Progress.NONE, Cancellation.none());
            LayerInfo layer = ws.layer(returned.layer()).orElseThrow();
            assertEquals(returned, ReportJson.report(layer.provenance().reportJson()));
        }
    }

    @Test
    void layerDetailsShowCountsFromTheWorkspaceAndTheSourcesChecksum() throws Exception {
        Path geojson = ImportTestSupport.geoJson(dir.resolve("schools.geojson"), 25);
        try (Workspace ws = Workspace.create(dir.resolve("w.gpkg"), Crs.of("EPSG:26915"))) {
            new ImportService(ws).run(ImportRequest.of(geojson, LayerRole.FACTOR, "Schools"), Progress.NONE,
                    Cancellation.none());
            LayerInfo layer = ws.layer("schools").orElseThrow();
            ReportContent content = ReportContent.ofLayer(layer);

            Map<String, String> figures = content.figures().stream()
                    .collect(Collectors.toMap(ReportContent.Figure::label, ReportContent.Figure::value));
            assertEquals(String.format(Locale.ROOT, "%,d", layer.count()), figures.get("imported"));
            Map<String, String> facts = content.facts().stream()
                    .collect(Collectors.toMap(ReportContent.Fact::label, ReportContent.Fact::value, (a, b) -> a));
            assertEquals(ImportTestSupport.sha256(geojson), facts.get("SHA-256"));
            assertEquals(geojson.getFileName().toString(), facts.get("Source"));
            assertTrue(facts.get("Size").contains(String.format(Locale.ROOT, "%,d bytes", Files.size(geojson))),
                    facts.get("Size"));
            assertTrue(content.lead().contains("EPSG:4326") && content.lead().contains("EPSG:26915"), content.lead());
            assertTrue(content.asText().contains(ImportTestSupport.sha256(geojson)));
        }
    }

    @Test
    void skippedRowsAreListedByReasonWithTheirProblems() throws Exception {
        Path csv = dir.resolve("mixed.csv");
        Files.writeString(csv, "id,lat,lon\n1,38.62,-90.25\n2,north,west\n3,,\n4,38.63,-90.24\n");
        try (Workspace ws = Workspace.create(dir.resolve("w.gpkg"), Crs.of("EPSG:26915"))) {
            ImportReport r = new ImportService(ws).run(ImportRequest.of(csv, LayerRole.FACTOR, "m"), Progress.NONE,
                    Cancellation.none());
            ReportContent content = ReportContent.ofImport(r, "h", false, null);
            long listed = content.skipped().stream().mapToLong(ReportContent.Reason::rows).sum();
            assertEquals(r.skippedTotal(), listed);
            assertTrue(r.skippedTotal() > 0);
            for (ReportContent.Reason reason : content.skipped()) {
                assertTrue(!reason.words().contains("_"), reason.words());
            }
            List<Long> rows = content.problems().stream().map(p -> p.row()).filter(n -> n > 0).toList();
            assertTrue(rows.containsAll(List.of(2L, 3L)), rows.toString());
        }
    }

    @Test
    void aGeneratedLayerSaysItHasNoImportReport() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w.gpkg"), Crs.of("EPSG:26915"))) {
            ws.createLayer(new NewLayer("grid", "Grid", LayerRole.REFERENCE, GeometryType.POINT, List.of(),
                    Provenance.generated("PSC Desk demo", "EPSG:26915", "2026-01-01T00:00:00Z")),
                    List.of(new Feature(new GeometryFactory().createPoint(new Coordinate(740000, 4280000)), List.of())));
            ReportContent content = ReportContent.ofLayer(ws.layer("grid").orElseThrow());
            assertTrue(content.figures().isEmpty());
            assertTrue(content.lead().contains("no import report"), content.lead());
            assertTrue(content.facts().stream().anyMatch(f -> f.value().equals("PSC Desk demo")));
        }
    }

    @Test
    void timestampsAndSizesReadAsPeopleWriteThem() {
        assertEquals("2025-01-31 14:05 UTC", ReportContent.when("2025-01-31T14:05:59.123456Z"));
        assertTrue(ReportContent.size(2_843_061).startsWith("2.7 MB"), ReportContent.size(2_843_061));
    }
}
