package org.pscdesk.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.Increment;
import org.pscdesk.rtm.model.Coefficient;
import org.pscdesk.rtm.model.GlmFit;
import org.pscdesk.store.Workspace;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/**
 * The whole engine on the demo city: it must find the planted factors at their planted distances, with
 * coefficients within 2 standard errors of the planted values (docs/demo-city.md), and none of the noise.
 */
class DemoRecoveryTest {

    /** The planted model of docs/demo-city.md: variable name → β. */
    private static final Map<String, Double> PLANTED = Map.of(
            "liquor_stores_proximity_400", Math.log(2.0),
            "vacant_lots_proximity_100", Math.log(2.5),
            "bus_stops_density_400", Math.log(1.7));

    @TempDir
    Path dir;

    @Test
    void recoversThePlantedFactorsDistancesAndCoefficients() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            List<FactorSpec> factors = List.of("bus_stops", "bars", "liquor_stores", "schools", "gas_stations",
                    "pawn_shops", "vacant_lots").stream().map(FactorSpec::parse).toList();
            RtmSetup setup = new RtmSetup("incidents", factors, null, null, null, 3, Increment.HALF, null,
                    StudyMask.Membership.CENTRE);
            CellTable table = CellTableBuilder.build(ws, setup, Progress.NONE, Cancellation.none());
            RtmResult result = RtmAnalysis.run(table, new RtmOptions(), Progress.NONE, Cancellation.none());
            GlmFit fit = result.selection().chosen().fit();
            List<String> chosen = fit.terms().stream().map(Coefficient::name).sorted().toList();
            assertEquals(PLANTED.keySet().stream().sorted().toList(), chosen,
                    "selected " + chosen + " with family " + result.selection().family());
            for (Coefficient c : fit.terms()) {
                double planted = PLANTED.get(c.name());
                assertTrue(Math.abs(c.estimate() - planted) <= 2 * c.standardError(), c.name() + ": " + c.estimate()
                        + " ± " + c.standardError() + " vs planted " + planted);
            }
            assertEquals(1.0, result.risk().min(), 0);
            assertEquals(Math.exp(fit.terms().stream().mapToDouble(Coefficient::estimate).sum()), result.risk().max(),
                    1e-9, "the top cell has all three factors");
        }
    }
}
