package org.pscdesk.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.pscdesk.geo.Crs;
import org.pscdesk.geo.DistanceText;
import org.pscdesk.geo.FeatureArrays;
import org.pscdesk.geo.GridTooLargeException;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.BandOptions;
import org.pscdesk.rtm.influence.BandVariable;
import org.pscdesk.rtm.influence.CellCounts;
import org.pscdesk.rtm.influence.FactorInput;
import org.pscdesk.rtm.influence.FactorVariables;
import org.pscdesk.rtm.influence.InfluenceBands;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldValues;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/** Builds a run's {@link CellTable} from a workspace: the study mask, event counts and influence variables. */
public final class CellTableBuilder {

    /** RTMDx's usual default when nothing is known of the city's blocks. */
    static final String DEFAULT_BLOCK_LENGTH = "400ft";

    private CellTableBuilder() {
    }

    public static CellTable build(Workspace ws, RtmSetup setup, Progress progress, Cancellation cancel)
            throws RtmInputException, WorkspaceException, CancelledException {
        Crs crs = ws.crs().orElseThrow(() -> new RtmInputException(ws.file().getFileName()
                + " has no layers yet; import the outcome, factor and area layers first."));
        List<String> notes = new ArrayList<>();
        LayerInfo outcome = layer(ws, setup.outcome());
        LayerInfo area = areaLayer(ws, setup.area());
        String blockText = setup.blockLength();
        boolean defaulted = false;
        if (blockText == null) {
            blockText = ws.meta("block_length").orElse(ws.meta("block_length_m").map(m -> m + "m").orElse(null));
        }
        if (blockText == null) {
            blockText = DEFAULT_BLOCK_LENGTH;
            defaulted = true;
            notes.add("The block length is the default " + DEFAULT_BLOCK_LENGTH + "; set it with --block-length to"
                    + " match the city's blocks.");
        }
        double block = parseDistance(blockText, crs, "--block-length");
        double cell = setup.cellSize() == null ? block / 2 : parseDistance(setup.cellSize(), crs, "--cell-size");

        progress.update("Building the cells", -1);
        List<Geometry> areaGeometries = geometries(ws, area.name());
        StudyMask mask;
        try {
            mask = StudyMask.of(areaGeometries, cell, setup.membership());
        } catch (GridTooLargeException e) {
            throw new RtmInputException(e.getMessage(), e);
        }
        if (mask.isEmpty()) {
            throw new RtmInputException("The area layer '" + area.name() + "' holds no cell of " + cell + " "
                    + crs.unitLabel() + "; check the layer or choose a smaller --cell-size.");
        }
        cancel.check();

        progress.update("Counting events", -1);
        Events events = events(ws, outcome, setup.testFrom(), notes);
        CellCounts train = CellCounts.of(mask, events.trainX.toArray(), events.trainY.toArray());
        if (train.counted() == 0) {
            throw new RtmInputException("The outcome layer '" + outcome.name() + "' has no events inside the area '"
                    + area.name() + "'" + (setup.testFrom() != null ? " before " + setup.testFrom() : "")
                    + "; check the layers and the dates.");
        }
        int[] testCounts = null;
        if (setup.testFrom() != null) {
            testCounts = CellCounts.of(mask, events.testX.toArray(), events.testY.toArray()).counts();
        }
        cancel.check();

        List<FactorInput> inputs = new ArrayList<>();
        List<String> factorLayers = new ArrayList<>();
        for (FactorSpec f : setup.factors()) {
            LayerInfo layer = layer(ws, f.layer());
            factorLayers.add(layer.name());
            inputs.add(new FactorInput(layer.name(), FeatureArrays.of(geometries(ws, layer.name())),
                    f.operationalization()));
        }
        BandOptions options = new BandOptions(block).withBands(setup.maxBlocks(), setup.increment());
        List<FactorVariables> built = InfluenceBands.of(mask, inputs, options, 0, progress, cancel);
        List<BandVariable> variables = new ArrayList<>();
        for (FactorVariables fv : built) {
            if (fv.hasNoFeatures()) {
                notes.add("The factor '" + fv.factor() + "' has no features; its variables were left out.");
            }
            notes.addAll(fv.notes());
            variables.addAll(fv.informative());
        }
        return new CellTable(mask, block, defaulted, train.counts(), testCounts, train.dropped(), variables, notes,
                new CellTable.Inputs(outcome.name(), area.name(), factorLayers));
    }

    private static double parseDistance(String text, Crs crs, String option) throws RtmInputException {
        try {
            return DistanceText.parse(text, crs);
        } catch (IllegalArgumentException e) {
            throw new RtmInputException(option + ": " + e.getMessage(), e);
        }
    }

    private static LayerInfo layer(Workspace ws, String name) throws RtmInputException, WorkspaceException {
        for (LayerInfo l : ws.layers()) {
            if (l.name().equals(name) || l.title().equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new RtmInputException("There is no layer '" + name + "' in " + ws.file().getFileName()
                + "; 'pscdesk layers' lists them.");
    }

    private static LayerInfo areaLayer(Workspace ws, String name) throws RtmInputException, WorkspaceException {
        if (name != null) {
            return layer(ws, name);
        }
        List<LayerInfo> areas = ws.layers().stream().filter(l -> l.role() == LayerRole.AREA).toList();
        if (areas.size() == 1) {
            return areas.get(0);
        }
        throw new RtmInputException(areas.isEmpty()
                ? "The workspace has no study-area layer; import one with --role area or name one with --area."
                : "The workspace has several study-area layers (" + String.join(", ", areas.stream()
                        .map(LayerInfo::name).toList()) + "); choose one with --area.");
    }

    private static List<Geometry> geometries(Workspace ws, String layer) throws WorkspaceException {
        List<Geometry> out = new ArrayList<>();
        ws.forEachFeature(layer, f -> out.add(f.geometry()));
        return out;
    }

    /** Event points split into training and test periods. */
    private static final class Events {
        final DoubleList trainX = new DoubleList();
        final DoubleList trainY = new DoubleList();
        final DoubleList testX = new DoubleList();
        final DoubleList testY = new DoubleList();
    }

    private static Events events(Workspace ws, LayerInfo outcome, LocalDate testFrom, List<String> notes)
            throws WorkspaceException, RtmInputException {
        int dateIdx = -1;
        if (testFrom != null) {
            List<FieldDef> fields = outcome.fields();
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(outcome.dateField())) {
                    dateIdx = i;
                }
            }
            if (dateIdx < 0) {
                throw new RtmInputException("The outcome layer '" + outcome.name() + "' has no date field, so it"
                        + " cannot be split at --test-from; import it with --date-column.");
            }
        }
        Events e = new Events();
        int[] undated = {0};
        int di = dateIdx;
        ws.forEachFeature(outcome.name(), (Feature f) -> {
            Geometry g = f.geometry();
            if (g.isEmpty()) {
                return;
            }
            double x = g.getCoordinate().x;
            double y = g.getCoordinate().y;
            if (testFrom == null) {
                e.trainX.add(x);
                e.trainY.add(y);
                return;
            }
            LocalDate d = FieldValues.dateOf(f.values().get(di));
            if (d == null) {
                undated[0]++;
            } else if (d.isBefore(testFrom)) {
                e.trainX.add(x);
                e.trainY.add(y);
            } else {
                e.testX.add(x);
                e.testY.add(y);
            }
        });
        if (undated[0] > 0) {
            notes.add(undated[0] + " events without a date were left out of both periods.");
        }
        return e;
    }

    /** A growable array of doubles. */
    static final class DoubleList {
        private double[] a = new double[1024];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
