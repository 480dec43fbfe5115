package org.pscdesk.demo;

import java.util.List;

import org.pscdesk.analysis.CellTable;
import org.pscdesk.analysis.CellTableBuilder;
import org.pscdesk.analysis.FactorSpec;
import org.pscdesk.analysis.RtmAnalysis;
import org.pscdesk.analysis.RtmInputException;
import org.pscdesk.analysis.RtmJson;
import org.pscdesk.analysis.RtmOptions;
import org.pscdesk.analysis.RtmResult;
import org.pscdesk.analysis.RtmSetup;
import org.pscdesk.analysis.SavedRuns;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.Increment;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/** The saved RTM run the demo's past meeting discussed: all seven factors, half-block bands, defaults. */
final class DemoRun {

    static final String NAME = "nov-2025";

    private DemoRun() {
    }

    static String save(Workspace ws) throws WorkspaceException {
        List<FactorSpec> factors = List.of("bus_stops", "bars", "liquor_stores", "schools", "gas_stations",
                "pawn_shops", "vacant_lots").stream().map(FactorSpec::parse).toList();
        RtmSetup setup = new RtmSetup("incidents", factors, null, null, null, 3, Increment.HALF, null,
                StudyMask.Membership.CENTRE);
        RtmOptions options = new RtmOptions();
        try {
            CellTable table = CellTableBuilder.build(ws, setup, Progress.NONE, Cancellation.none());
            RtmResult result = RtmAnalysis.run(table, options, Progress.NONE, Cancellation.none());
            SavedRuns.save(ws, NAME, setup, options, result, RtmJson.write(result, 0));
        } catch (RtmInputException | CancelledException e) {
            throw new IllegalStateException("the demo's own run failed: " + e.getMessage(), e);
        }
        return NAME;
    }
}
