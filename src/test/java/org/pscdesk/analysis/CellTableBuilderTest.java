package org.pscdesk.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.Increment;
import org.pscdesk.rtm.influence.Operationalization;
import org.pscdesk.rtm.model.Design;
import org.pscdesk.store.Workspace;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/** The cell table of a run, built from the demo city whose grid and counts docs/demo-city.md states. */
class CellTableBuilderTest {

    @TempDir
    Path dir;

    private static RtmSetup setup(LocalDate testFrom, String... factors) {
        return new RtmSetup("incidents", java.util.Arrays.stream(factors).map(FactorSpec::parse).toList(), null, null,
                null, 3, Increment.WHOLE, testFrom, StudyMask.Membership.CENTRE);
    }

    @Test
    void demoCityGivesItsDocumentedGridCountsAndNamedBands() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            long incidents = ws.layer("incidents").orElseThrow().count();
            CellTable t = CellTableBuilder.build(ws, setup(null, "liquor_stores:proximity", "bus_stops:density",
                    "schools"), Progress.NONE, Cancellation.none());
            assertEquals(200.0, t.blockLength(), 1e-9, "the demo stores a 200 m block length");
            assertFalse(t.blockLengthDefaulted());
            assertEquals(100.0, t.mask().grid().cellSize(), 1e-9, "cell = half a block");
            assertEquals(3015, t.mask().size(), "docs/demo-city.md: 3,015 in-study cells");
            assertEquals(incidents, t.events() + t.eventsDropped());
            Design d = t.design();
            assertEquals(t.mask().size(), d.n());
            assertTrue(d.names().contains("liquor_stores_proximity_400"), d.names().toString());
            assertTrue(d.names().contains("bus_stops_density_400"), d.names().toString());
            assertTrue(d.names().stream().noneMatch(n -> n.startsWith("liquor_stores_density")));
            assertTrue(d.names().stream().anyMatch(n -> n.startsWith("schools_proximity")));
            assertTrue(d.names().stream().anyMatch(n -> n.startsWith("schools_density")));
        }
    }

    @Test
    void testPeriodSplitsEventsByDate() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            CellTable all = CellTableBuilder.build(ws, setup(null, "bars"), Progress.NONE, Cancellation.none());
            CellTable split = CellTableBuilder.build(ws, setup(LocalDate.of(2025, 7, 1), "bars"), Progress.NONE,
                    Cancellation.none());
            long test = 0;
            for (int c : split.testCounts()) {
                test += c;
            }
            assertTrue(split.events() > 0 && test > 0);
            assertEquals(all.events(), split.events() + test);
        }
    }

    @Test
    void unknownLayersAndMissingDatesAreClearErrors() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            RtmInputException e = assertThrows(RtmInputException.class, () -> CellTableBuilder.build(ws,
                    setup(null, "churches"), Progress.NONE, Cancellation.none()));
            assertTrue(e.getMessage().contains("churches") && e.getMessage().contains("pscdesk layers"), e.getMessage());
            RtmInputException tooFine = assertThrows(RtmInputException.class, () -> CellTableBuilder.build(ws,
                    new RtmSetup("incidents", List.of(new FactorSpec("bars", Operationalization.PROXIMITY)), null,
                            null, "0.01m", 3, Increment.WHOLE, null, StudyMask.Membership.CENTRE), Progress.NONE,
                    Cancellation.none()));
            assertTrue(tooFine.getMessage().contains("cells"), tooFine.getMessage());
        }
    }
}
