package org.pscdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pscdesk.analysis.CellTable;
import org.pscdesk.analysis.CellTableBuilder;
import org.pscdesk.analysis.CellTableFile;
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
import org.pscdesk.rtm.model.Coefficient;
import org.pscdesk.rtm.model.Family;
import org.pscdesk.rtm.model.GlmFit;
import org.pscdesk.rtm.model.LambdaRule;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pscdesk rtm WS --outcome LAYER --factors L1[:how],...}: runs Risk Terrain Modeling on a workspace. */
@Command(name = "rtm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run Risk Terrain Modeling on a workspace, or on a cell table with --cells.",
                "Spatial influence bands per factor, an elastic-net screen, stepwise BIC over Poisson, NB2 and NBII,",
                "relative risk scores and validation; --save keeps the run in the workspace."},
        footer = {"", "Example: pscdesk rtm demo.gpkg --outcome incidents --factors bus_stops,bars,liquor_stores,"
                + "vacant_lots --increment half --json - --save may2026",
                "         pscdesk rtm --cells cells.csv --y count --vars a,b,c --family nb2 --json -",
                "", "Exit codes: 0 done, 2 usage error, 3 unknown layer, no events in the area, or a grid too fine."})
final class RtmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WS", description = "Workspace file (.gpkg); not with --cells.")
    Path workspace;

    @Option(names = "--outcome", paramLabel = "LAYER", description = "Outcome (incident) layer.")
    String outcome;

    @Option(names = "--factors", split = ",", paramLabel = "L1[:proximity|density|both]",
            description = "Risk-factor layers, each with its operationalization (default both).")
    List<String> factors;

    @Option(names = "--area", paramLabel = "LAYER", description = "Study-area layer (default: the workspace's area layer).")
    String area;

    @Option(names = "--block-length", paramLabel = "D", description = "Block length, e.g. 400ft or 150m (default: workspace setting, else 400ft).")
    String blockLength;

    @Option(names = "--cell-size", paramLabel = "D", description = "Cell size (default: half the block length).")
    String cellSize;

    @Option(names = "--max-blocks", defaultValue = "3", paramLabel = "N", description = "Bands up to N blocks (default ${DEFAULT-VALUE}).")
    int maxBlocks;

    @Option(names = "--increment", defaultValue = "whole", paramLabel = "whole|half", description = "Band step (default ${DEFAULT-VALUE}).")
    String increment;

    @Option(names = "--screen", defaultValue = "elastic-net", paramLabel = "elastic-net|none", description = "Stage 1 (default ${DEFAULT-VALUE}).")
    String screen;

    @Option(names = "--alpha", defaultValue = "0.5", paramLabel = "A", description = "Elastic-net mixing (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--folds", defaultValue = "10", paramLabel = "K", description = "Cross-validation folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--lambda", defaultValue = "min", paramLabel = "min|1se", description = "Lambda rule (default ${DEFAULT-VALUE}).")
    String lambda;

    @Option(names = "--select", defaultValue = "stepwise-bic", paramLabel = "stepwise-bic|none", description = "Stage 2 (default ${DEFAULT-VALUE}).")
    String select;

    @Option(names = "--family", defaultValue = "auto", paramLabel = "auto|poisson|nb2|nbii", description = "Count model family (default ${DEFAULT-VALUE}).")
    String family;

    @Option(names = "--one-per-factor", defaultValue = "on", paramLabel = "on|off",
            description = "At most one band/operationalization per factor in a model (default ${DEFAULT-VALUE}).")
    String onePerFactor;

    @Option(names = "--test-from", paramLabel = "DATE", description = "Events from this date on form the test period (validation).")
    String testFrom;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the JSON result to FILE, or to stdout with '-' (then stdout holds only JSON).")
    String json;

    @Option(names = "--export-cells", paramLabel = "FILE.csv", description = "Write the in-study cells with counts, candidate variables, rrs, class, quadrant.")
    Path exportCells;

    @Option(names = "--save", paramLabel = "NAME", description = "Keep the run in the workspace under this name (its id),"
            + " with a layer run_<NAME>_cells; a run of the same name is replaced.")
    String save;

    @Option(names = "--cells", paramLabel = "TABLE.csv", description = "Model a cell table you already have (one row per"
            + " cell) instead of a workspace; with --y and --vars.")
    Path cells;

    @Option(names = "--y", paramLabel = "COLUMN", description = "With --cells: the event-count column.")
    String yColumn;

    @Option(names = "--vars", split = ",", paramLabel = "A,B,C", description = "With --cells: the variable columns, each its own factor.")
    List<String> vars;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        RtmOptions options;
        RtmSetup setup = null;
        try {
            options = new RtmOptions(!screen.equalsIgnoreCase("none"), alpha, folds, LambdaRule.parse(lambda),
                    !select.equalsIgnoreCase("none"), Family.of(family), onePerFactor.equalsIgnoreCase("on"));
            check(onePerFactor, "on", "off", "--one-per-factor");
            check(screen, "elastic-net", "none", "--screen");
            check(select, "stepwise-bic", "none", "--select");
            if (cells == null) {
                requireWorkspaceMode();
                setup = new RtmSetup(outcome, factors.stream().map(FactorSpec::parse).toList(), area, blockLength,
                        cellSize, maxBlocks, Increment.parse(increment),
                        testFrom == null ? null : LocalDate.parse(testFrom), StudyMask.Membership.CENTRE);
                if (save != null) {
                    RunRepository.checkName(save);
                }
            } else {
                requireCellsMode();
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = "-".equals(json);
        Progress progress = quiet ? Progress.NONE : new StderrProgress(err);
        RtmResult result;
        String text;
        boolean replaced = false;
        try {
            if (cells != null) {
                CellTableFile table = CellTableFile.read(cells, yColumn, vars);
                result = RtmAnalysis.run(table.design(), table.candidates(), table.notes(), options, progress,
                        Cancellation.none());
                text = RtmJson.write(result, elapsedSince(start));
            } else {
                try (Workspace ws = Workspace.open(workspace)) {
                    CellTable table = CellTableBuilder.build(ws, setup, progress, Cancellation.none());
                    result = RtmAnalysis.run(table, options, progress, Cancellation.none());
                    if (save != null) {
                        progress.update("Saving run '" + save + "'", -1);
                        // The stored JSON carries the same figures as the one the user gets; its elapsed_ms
                        // is the time up to the save.
                        replaced = SavedRuns.save(ws, save, setup, options, result, RtmJson.write(result,
                                elapsedSince(start)));
                    }
                    if (exportCells != null) {
                        OutputFile.writeText(exportCells, CellExport.csv(result));
                    }
                    text = RtmJson.write(result, elapsedSince(start));
                }
            }
        } catch (WorkspaceException e) {
            throw WorkspaceErrors.toCli(e);
        } catch (RtmInputException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // DegenerateOutcomeException and friends: the data cannot support a model
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage(), e);
        } catch (CancelledException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json != null) {
            if (quiet) {
                out.println(text);
            } else {
                OutputFile.writeText(Path.of(json), text + "\n");
            }
        }
        if (!quiet) {
            printSummary(out, result);
            if (save != null) {
                out.println((replaced ? "Replaced the saved run '" : "Saved run '") + save + "' with layer "
                        + RunRepository.cellsLayerFor(save) + ".");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static long elapsedSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void requireWorkspaceMode() {
        if (workspace == null) {
            throw new IllegalArgumentException("Name the workspace (WS), or give a cell table with --cells.");
        }
        if (outcome == null || factors == null || factors.isEmpty()) {
            throw new IllegalArgumentException("A workspace run needs --outcome LAYER and --factors L1,L2,...");
        }
        if (yColumn != null || vars != null) {
            throw new IllegalArgumentException("--y and --vars go with --cells TABLE.csv.");
        }
    }

    private void requireCellsMode() {
        if (workspace != null) {
            throw new IllegalArgumentException("--cells models a table on its own; leave out the workspace.");
        }
        if (yColumn == null || vars == null || vars.isEmpty()) {
            throw new IllegalArgumentException("--cells needs --y COLUMN (the counts) and --vars A,B,C.");
        }
        for (String[] o : new String[][] {{"--outcome", outcome}, {"--area", area}, {"--block-length", blockLength},
                {"--cell-size", cellSize}, {"--test-from", testFrom}, {"--save", save},
                {"--export-cells", exportCells == null ? null : exportCells.toString()},
                {"--factors", factors == null ? null : String.join(",", factors)}}) {
            if (o[1] != null) {
                throw new IllegalArgumentException(o[0] + " needs a workspace; it does not go with --cells.");
            }
        }
    }

    private static void check(String value, String a, String b, String option) {
        if (!value.equalsIgnoreCase(a) && !value.equalsIgnoreCase(b)) {
            throw new IllegalArgumentException(option + " is " + a + " or " + b + ", not '" + value + "'.");
        }
    }

    private static void printSummary(PrintWriter out, RtmResult r) {
        GlmFit fit = r.selection().chosen().fit();
        out.printf(Locale.ROOT, "Family %s, %d cells, %d events, BIC %.2f%n", r.selection().family().label(),
                r.design().n(), r.events(), fit.bic());
        out.printf(Locale.ROOT, "%-40s %12s %10s %10s %10s%n", "TERM", "COEFFICIENT", "SE", "P", "RRV");
        for (Coefficient c : fit.terms()) {
            out.printf(Locale.ROOT, "%-40s %12.6f %10.6f %10.3g %10.4f%n", c.name(), c.estimate(), c.standardError(),
                    c.pValue(), c.rrv());
        }
        out.printf(Locale.ROOT, "RRS 1 .. %.2f; %d highest-risk cells%n", r.risk().max(), r.risk().highestRiskCount());
        for (String note : r.notes()) {
            out.println("Note: " + note);
        }
    }
}
