package org.pscdesk.ui.analysis;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.pscdesk.analysis.CellTable;
import org.pscdesk.analysis.CellTableBuilder;
import org.pscdesk.analysis.FactorSpec;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.analysis.RtmAnalysis;
import org.pscdesk.analysis.RtmInputException;
import org.pscdesk.analysis.RtmJson;
import org.pscdesk.analysis.RtmOptions;
import org.pscdesk.analysis.RtmResult;
import org.pscdesk.analysis.RtmSetup;
import org.pscdesk.analysis.SavedRuns;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.report.AreaNames;
import org.pscdesk.report.PrivacyFilter;
import org.pscdesk.report.PublicRun;
import org.pscdesk.rtm.influence.Increment;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.SavedRun;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/**
 * The analysis screen's work, off the UI thread: run the model as {@code pscdesk rtm --save} does, and open
 * saved runs (the console's view and the public one). No JavaFX here, so it is tested directly.
 */
public final class AnalysisService {

    /**
     * A run opened for the screen: the console's facts, the public view the maps draw, and the names of the
     * workspace's areas (for "in Old Mill" on a clicked cell).
     */
    public record OpenRun(LoadedRun run, PublicRun shown, AreaNames areas) {
    }

    private final Workspace workspace;

    public AnalysisService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** What the form asks for. */
    public record Request(String name, String outcome, List<FactorSpec> factors, String blockLength, String cellSize,
                          int maxBlocks, Increment increment, LocalDate testFrom) {
    }

    /** Runs, saves and opens a run; progress per stage and cancellation between stages and λ values/moves. */
    public OpenRun run(Request r, Progress progress, Cancellation cancel)
            throws WorkspaceException, RtmInputException, CancelledException {
        RtmSetup setup = new RtmSetup(r.outcome(), r.factors(), null, blank(r.blockLength()), blank(r.cellSize()),
                r.maxBlocks(), r.increment(), r.testFrom(), StudyMask.Membership.CENTRE);
        RtmOptions options = new RtmOptions();
        CellTable table = CellTableBuilder.build(workspace, setup, progress, cancel);
        RtmResult result = RtmAnalysis.run(table, options, progress, cancel);
        cancel.check();
        progress.update("Saving run '" + r.name() + "'", -1);
        SavedRuns.save(workspace, r.name(), setup, options, result, RtmJson.write(result, 0));
        return open(r.name());
    }

    /** Opens a saved run. */
    public OpenRun open(String name) throws WorkspaceException {
        LoadedRun run = LoadedRun.load(workspace, name).orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.BAD_INPUT, workspace.file(), "There is no run '" + name + "'."));
        return new OpenRun(run, new PrivacyFilter().publicRun(workspace, run), AreaNames.of(workspace));
    }

    /** Saved runs, newest first. */
    public List<SavedRun> runs() throws WorkspaceException {
        List<SavedRun> all = new java.util.ArrayList<>(new RunRepository(workspace).list());
        java.util.Collections.reverse(all);
        return all;
    }

    /** A free run name like {@code run-2026-11-29-1405}. */
    public String suggestName(LocalDateTime now) throws WorkspaceException {
        String base = "run-" + now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        RunRepository runs = new RunRepository(workspace);
        String name = base;
        for (int i = 2; runs.find(name).isPresent(); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
