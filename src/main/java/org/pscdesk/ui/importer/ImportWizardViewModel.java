package org.pscdesk.ui.importer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import org.locationtech.jts.geom.Geometry;
import org.pscdesk.geo.Crs;
import org.pscdesk.importer.ImportException;
import org.pscdesk.importer.ImportPreview;
import org.pscdesk.importer.ImportReport;
import org.pscdesk.importer.ImportRequest;
import org.pscdesk.importer.ImportService;
import org.pscdesk.importer.PrjCrs;
import org.pscdesk.importer.Problem;
import org.pscdesk.importer.ReadOptions;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.map.MapData;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;

/**
 * State and actions of the import wizard: the files, what the reader should assume, what the layer is,
 * the filters, the preview of the first rows, and the import itself with its progress and report.
 *
 * <p>Guesses fill the form as soon as files are chosen (preset, role, name, coordinate columns) and stop
 * once the user changes that choice. The preview is read again in the background whenever a choice that
 * changes how the file is read changes; a stale preview is dropped. The import runs through the
 * {@link TaskRunner}; a name clash asks before replacing; any failure or cancel leaves the workspace as it
 * was and says so.
 */
public final class ImportWizardViewModel {

    /** Where the wizard is. */
    public enum Phase {
        /** The form and preview are shown. */
        EDITING,
        /** An import runs; the form is locked. */
        IMPORTING,
        /** The report of the last import is shown. */
        FINISHED
    }

    /** How the two coordinate columns of a text file are read. */
    public enum CoordinateMode {
        X_Y("X / Y (feet or metres)"),
        LON_LAT("Longitude / latitude (degrees)");

        private final String label;

        CoordinateMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A line under the preview: a remark about the file, or a problem of a previewed row. */
    public record Message(boolean problem, String text) {
    }

    /** Rows read for the preview: enough to see the columns' values, few enough to be instant. */
    public static final int PREVIEW_ROWS = 100;

    private static final Logger LOG = Logger.getLogger(ImportWizardViewModel.class.getName());
    /** The layer name used while previewing (the preview writes nothing). */
    private static final String PREVIEW_NAME = "preview";

    private final ImportHost host;
    private final ImportFiles chooser;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.NONE);
    private final StringProperty presetHint = new SimpleStringProperty(this, "presetHint", "");
    private final BooleanProperty delimitedText = new SimpleBooleanProperty(this, "delimitedText");

    private final ObjectProperty<CoordinateMode> coordinateMode =
            new SimpleObjectProperty<>(this, "coordinateMode", CoordinateMode.X_Y);
    private final StringProperty xColumn = new SimpleStringProperty(this, "xColumn");
    private final StringProperty yColumn = new SimpleStringProperty(this, "yColumn");
    private final StringProperty coordinateHint = new SimpleStringProperty(this, "coordinateHint", "");
    private final StringProperty crsText = new SimpleStringProperty(this, "crsText", "");
    private final StringProperty crsHint = new SimpleStringProperty(this, "crsHint", "");
    private final BooleanProperty crsProblem = new SimpleBooleanProperty(this, "crsProblem");
    private final StringProperty member = new SimpleStringProperty(this, "member");
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(this, "charset");

    private final ObjectProperty<LayerRole> role = new SimpleObjectProperty<>(this, "role", LayerRole.FACTOR);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty nameHint = new SimpleStringProperty(this, "nameHint", "");
    private final BooleanProperty nameProblem = new SimpleBooleanProperty(this, "nameProblem");
    private final StringProperty dateColumn = new SimpleStringProperty(this, "dateColumn");
    private final StringProperty categoryColumn = new SimpleStringProperty(this, "categoryColumn");
    private final ObservableSet<String> keepColumns = FXCollections.observableSet();

    private final ObservableList<FilterRow> filters = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> dateFrom = new SimpleObjectProperty<>(this, "dateFrom");
    private final ObjectProperty<LocalDate> dateTo = new SimpleObjectProperty<>(this, "dateTo");
    private final BooleanProperty insideAreaOnly = new SimpleBooleanProperty(this, "insideAreaOnly");

    private final ObjectProperty<ImportPreview> preview = new SimpleObjectProperty<>(this, "preview");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final StringProperty previewError = new SimpleStringProperty(this, "previewError");
    private final BooleanProperty previewing = new SimpleBooleanProperty(this, "previewing");
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final StringProperty placeWarning = new SimpleStringProperty(this, "placeWarning");

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.EDITING);
    private final StringProperty stage = new SimpleStringProperty(this, "stage", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty importError = new SimpleStringProperty(this, "importError");
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome");
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>(this, "report");
    private final BooleanProperty nothingImported = new SimpleBooleanProperty(this, "nothingImported");
    private final StringProperty reportHeadline = new SimpleStringProperty(this, "reportHeadline", "");
    private final StringProperty reportWhy = new SimpleStringProperty(this, "reportWhy", "");
    private final BooleanBinding canImport;

    /** True while the form is filled by code, so listeners do not take it for the user's choice. */
    private boolean adjusting;
    private boolean presetChosen;
    private boolean roleChosen;
    private boolean nameChosen;
    private boolean coordinatesChosen;
    private int generation;
    private Cancellation cancellation;

    public ImportWizardViewModel(ImportHost host, ImportFiles chooser) {
        this.host = host;
        this.chooser = chooser;
        preset.addListener((o, was, now) -> {
            if (!adjusting) {
                presetChosen = true;
                presetHint.set(presetExplanation(now, false));
                coordinatesChosen = false;
                guessRoleAndName();
                updateDelimited();
                refreshPreview();
            }
        });
        coordinateMode.addListener((o, was, now) -> coordinatesChanged());
        xColumn.addListener((o, was, now) -> coordinatesChanged());
        yColumn.addListener((o, was, now) -> coordinatesChanged());
        crsText.addListener((o, was, now) -> {
            updateCrsHint();
            if (!adjusting && !crsProblem.get()) {
                refreshPreview();
            }
        });
        member.addListener((o, was, now) -> refreshIfUser());
        charset.addListener((o, was, now) -> refreshIfUser());
        role.addListener((o, was, now) -> {
            if (!adjusting) {
                roleChosen = true;
                if (!nameChosen) {
                    adjusting = true;
                    try {
                        name.set(SourceGuess.layerName(files, now));
                    } finally {
                        adjusting = false;
                    }
                }
            }
            updateNameHint();
        });
        name.addListener((o, was, now) -> {
            if (!adjusting) {
                nameChosen = true;
            }
            updateNameHint();
        });
        canImport = Bindings.createBooleanBinding(this::importPossible, phase, preview, previewError, previewing,
                name, crsText, crsProblem, xColumn, yColumn, delimitedText, files);
    }

    // ---- choosing the source -----------------------------------------------------------------------------

    /** File ▸ Import data… "Choose files…": one or more files. */
    public void chooseFiles() {
        List<Path> chosen = chooser.chooseFiles(initialFolder());
        if (!chosen.isEmpty()) {
            setFiles(chosen);
        }
    }

    /** "Choose a folder…": a folder of SLMPD monthly files. */
    public void chooseFolder() {
        chooser.chooseFolder(initialFolder()).ifPresent(f -> setFiles(List.of(f)));
    }

    /** "From a .prj file…": reads the coordinate system from the file that came with the data. */
    public void chooseCrsFromPrj() {
        Optional<Path> prj = chooser.choosePrj(initialFolder());
        if (prj.isEmpty()) {
            return;
        }
        String wkt;
        try {
            byte[] bytes = Files.readAllBytes(prj.get());
            wkt = new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            host.dialogs().showError("Cannot read the .prj file", prj.get().getFileName() + " cannot be read ("
                    + e.getMessage() + "). Choose the coordinate system from the list instead.");
            return;
        }
        Optional<Crs> crs = PrjCrs.match(wkt);
        if (crs.isEmpty()) {
            host.dialogs().showError("Coordinate system not recognised", "PSC Desk does not recognise the"
                    + " coordinate system described in " + prj.get().getFileName() + ". Ask the data's publisher"
                    + " for its EPSG code and type it under “Coordinate system”.");
            return;
        }
        crsText.set(CrsChoices.label(crs.get()));
    }

    /** Starts over with these files (from the choosers, a drop on the window, or a test). */
    public void setFiles(List<Path> chosen) {
        adjusting = true;
        try {
            files.setAll(chosen.stream().map(p -> p.toAbsolutePath().normalize()).toList());
            Preset guessed = SourceGuess.presetOf(files);
            preset.set(guessed);
            presetHint.set(presetExplanation(guessed, true));
            presetChosen = false;
            roleChosen = false;
            nameChosen = false;
            coordinatesChosen = false;
            coordinateMode.set(CoordinateMode.X_Y);
            xColumn.set(null);
            yColumn.set(null);
            crsText.set("");
            member.set(null);
            charset.set(null);
            dateColumn.set(null);
            categoryColumn.set(null);
            keepColumns.clear();
            filters.clear();
            dateFrom.set(null);
            dateTo.set(null);
            insideAreaOnly.set(false);
            columns.clear();
            messages.clear();
            preview.set(null);
            previewError.set(null);
            placeWarning.set(null);
            importError.set(null);
            outcome.set(null);
            report.set(null);
            nothingImported.set(false);
            phase.set(Phase.EDITING);
            guessRoleAndName();
        } finally {
            adjusting = false;
        }
        updateDelimited();
        updateCrsHint();
        updateNameHint();
        refreshPreview();
    }

    private void guessRoleAndName() {
        boolean was = adjusting;
        adjusting = true;
        try {
            if (!roleChosen) {
                ImportPreview p = preview.get();
                role.set(SourceGuess.role(files, preset.get(), p == null ? null : p.geometryType()));
            }
            if (!nameChosen) {
                name.set(SourceGuess.layerName(files, role.get()));
            }
        } finally {
            adjusting = was;
        }
    }

    private static String presetExplanation(Preset p, boolean guessed) {
        return switch (p) {
            case SLMPD -> (guessed ? "Read as St. Louis police (SLMPD) monthly files. " : "")
                    + "X/Y are read in Missouri East feet, crime codes get their category, reports cancelled"
                    + " later (Count −1) are removed, and 0,0 locations are reported.";
            case GTFS -> (guessed ? "Recognised as a GTFS transit feed. " : "")
                    + "Each stop becomes a point; stop names are kept.";
            case NONE -> "";
        };
    }

    private void updateDelimited() {
        delimitedText.set(SourceGuess.isDelimitedText(files, preset.get()));
    }

    private void coordinatesChanged() {
        if (adjusting) {
            return;
        }
        coordinatesChosen = true;
        updateCoordinateHint();
        if ((xColumn.get() == null) == (yColumn.get() == null)) {
            refreshPreview();
        }
    }

    private void refreshIfUser() {
        if (!adjusting) {
            refreshPreview();
        }
    }

    // ---- the preview -------------------------------------------------------------------------------------

    /** Reads the first rows again with the current choices; a result that arrives after a newer request is dropped. */
    public void refreshPreview() {
        if (files.isEmpty()) {
            preview.set(null);
            return;
        }
        if (crsProblem.get() && !crsText.get().isBlank()) {
            return;
        }
        ImportRequest request;
        try {
            request = request(PREVIEW_NAME, ImportRequest.Mode.CREATE, true);
        } catch (IllegalArgumentException e) {
            previewError.set(AppWording.forApp(e.getMessage()));
            return;
        }
        int gen = ++generation;
        previewing.set(true);
        previewError.set(null);
        host.runner().run("Reading the first rows of " + sourceName() + "…",
                p -> ImportPreview.of(request, PREVIEW_ROWS),
                result -> {
                    if (gen == generation) {
                        previewed(result);
                    }
                },
                error -> {
                    if (gen == generation) {
                        previewFailed(error);
                    }
                });
    }

    private void previewed(ImportPreview p) {
        previewing.set(false);
        List<String> names = p.fields().stream().map(FieldDef::name).toList();
        if (!presetChosen && preset.get() == Preset.NONE && SourceGuess.looksLikeSlmpd(names)) {
            // Obvious from the headers: read it as the preset would, rather than as a plain CSV without a CRS.
            adjusting = true;
            try {
                preset.set(Preset.SLMPD);
                presetHint.set("The columns (Complaint, CodedMonth, XCoord…) are those of the St. Louis police"
                        + " monthly files. " + presetExplanation(Preset.SLMPD, false));
                coordinatesChosen = false;
                xColumn.set(null);
                yColumn.set(null);
            } finally {
                adjusting = false;
            }
            guessRoleAndName();
            updateDelimited();
            refreshPreview();
            return;
        }
        String keptX = xColumn.get();
        String keptY = yColumn.get();
        String keptDate = dateColumn.get();
        String keptCategory = categoryColumn.get();
        adjusting = true;
        try {
            // Lists bound to these columns may clear their selection when the items change; restore it below.
            columns.setAll(names);
            xColumn.set(keptX);
            yColumn.set(keptY);
            dateColumn.set(keptDate);
            categoryColumn.set(keptCategory);
            if (delimitedText.get() && !coordinatesChosen) {
                boolean projected = chosenCrs().map(c -> !c.isGeographic()).orElse(false);
                SourceGuess.Coordinates found = SourceGuess.coordinates(names, projected);
                coordinateMode.set(found != null && found.latLon() ? CoordinateMode.LON_LAT : CoordinateMode.X_Y);
                xColumn.set(found == null ? null : found.x());
                yColumn.set(found == null ? null : found.y());
            }
            if (dateColumn.get() != null && !names.contains(dateColumn.get())) {
                dateColumn.set(null);
            }
            if (categoryColumn.get() != null && !names.contains(categoryColumn.get())) {
                categoryColumn.set(null);
            }
            keepColumns.retainAll(names);
            filters.removeIf(f -> f.fieldProperty().get() != null && !names.contains(f.fieldProperty().get()));
        } finally {
            adjusting = false;
        }
        preview.set(p);
        guessRoleAndName();
        MapData map = host.map();
        placeWarning.set(PreviewPlace.warning(p.lonLat(), map == null ? null : map.extent()));
        messages.setAll(messagesOf(p));
        updateCoordinateHint();
        updateCrsHint();
    }

    private void previewFailed(Throwable error) {
        previewing.set(false);
        preview.set(null);
        messages.clear();
        placeWarning.set(null);
        previewError.set(describe(error));
        updateCrsHint();
    }

    private List<Message> messagesOf(ImportPreview p) {
        List<Message> out = new ArrayList<>();
        for (Problem n : p.notes()) {
            if (!isPersonalNote(n)) {
                out.add(new Message(false, located(n)));
            }
        }
        for (Problem n : p.problems()) {
            out.add(new Message(true, located(n)));
        }
        long located = p.lonLat().stream().filter(g -> g != null).count();
        if (!p.rows().isEmpty() && located < p.rows().size() && p.sourceCrs().isPresent()) {
            out.add(new Message(true, (p.rows().size() - located) + " of the first " + p.rows().size()
                    + " rows have no usable location; the report will list each of them."));
        }
        return out;
    }

    /** Personal columns are shown in the table itself, so their notes are not repeated below it. */
    private static boolean isPersonalNote(Problem n) {
        return n.message().contains("personal data");
    }

    /** A problem as one line, with row and field when known (the file name is the one being previewed). */
    static String located(Problem p) {
        StringBuilder sb = new StringBuilder();
        if (p.row() > 0) {
            sb.append("Row ").append(String.format(Locale.ROOT, "%,d", p.row()));
            if (p.field() != null) {
                sb.append(", ").append(p.field());
            }
            sb.append(": ");
        } else if (p.field() != null) {
            sb.append(p.field()).append(": ");
        }
        return sb.append(AppWording.forApp(p.message())).toString();
    }

    /** What went wrong, in the words the user should read. */
    static String describe(Throwable error) {
        if (error instanceof ImportException ie) {
            Problem p = ie.problem();
            String where = p.row() > 0 ? " (row " + String.format(Locale.ROOT, "%,d", p.row())
                    + (p.field() != null ? ", " + p.field() : "") + ")" : p.field() != null ? " (" + p.field() + ")" : "";
            return p.file() + where + ": " + AppWording.forApp(p.message());
        }
        if (error instanceof IllegalArgumentException || error instanceof WorkspaceException) {
            return AppWording.forApp(error.getMessage());
        }
        LOG.log(Level.WARNING, "import preview or run failed unexpectedly", error);
        return "The file could not be read (" + (error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getMessage()) + "). Nothing was changed.";
    }

    /** The distinct values of a column in the previewed rows, most frequent first: what a filter offers. */
    public List<String> valuesOf(String column) {
        ImportPreview p = preview.get();
        if (p == null || column == null) {
            return List.of();
        }
        int idx = columns.indexOf(column);
        if (idx < 0) {
            return List.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : p.rows()) {
            String v = idx < row.length ? text(row[idx]) : null;
            if (v != null && !v.isEmpty()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>(counts.keySet());
        out.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /** A value as the preview table shows it and filters compare it: whole numbers without ".0". */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d && Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof Double d && Double.isFinite(d)) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof LocalDateTime dt) {
            return dt.toString().replace('T', ' ');
        }
        return v.toString().strip();
    }

    // ---- hints -------------------------------------------------------------------------------------------

    private Optional<Crs> chosenCrs() {
        try {
            return CrsChoices.parse(crsText.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void updateCrsHint() {
        String text = crsText.get();
        ImportPreview p = preview.get();
        if (text != null && !text.isBlank()) {
            try {
                Crs crs = CrsChoices.parse(text).orElseThrow();
                crsProblem.set(false);
                crsHint.set("Using " + describe(crs) + ".");
            } catch (IllegalArgumentException e) {
                crsProblem.set(true);
                crsHint.set(e.getMessage());
            }
            return;
        }
        if (p != null && p.sourceCrs().isPresent()) {
            Crs crs = p.sourceCrs().get();
            crsProblem.set(false);
            crsHint.set("As the file says: " + describe(crs) + "."
                    + " Choose another only if the points land in the wrong place.");
        } else if (p != null) {
            crsProblem.set(true);
            crsHint.set("The file does not say which coordinate system its coordinates are in. Choose one:"
                    + " St. Louis police and city X/Y are usually ESRI:102696 (Missouri East, feet); longitude"
                    + " and latitude are EPSG:4326.");
        } else {
            crsProblem.set(false);
            crsHint.set("Leave empty to use what the file says.");
        }
    }

    /** A CRS in words: the listed description when there is one, else its name and unit. */
    private static String describe(Crs crs) {
        String listed = CrsChoices.label(crs);
        return listed.equals(crs.id() + " — " + CrsChoices.name(crs)) ? listed + " (" + unitWords(crs) + ")" : listed;
    }

    private static String unitWords(Crs crs) {
        return switch (crs.unitLabel()) {
            case "deg" -> "degrees";
            case "m" -> "metres";
            default -> "feet";
        };
    }

    private void updateCoordinateHint() {
        if (!delimitedText.get()) {
            coordinateHint.set("");
            return;
        }
        if (xColumn.get() == null || yColumn.get() == null) {
            coordinateHint.set(columns.isEmpty() ? "" : "No coordinate columns were recognised. Choose the two"
                    + " columns that hold the location of each row.");
        } else if (!coordinatesChosen) {
            coordinateHint.set("Recognised from the column names; change them if they are wrong.");
        } else {
            coordinateHint.set("");
        }
    }

    private void updateNameHint() {
        String text = name.get() == null ? "" : name.get().strip();
        if (files.isEmpty()) {
            nameProblem.set(false);
            nameHint.set("");
            return;
        }
        if (text.isEmpty()) {
            nameProblem.set(true);
            nameHint.set("Give the layer a name.");
            return;
        }
        nameProblem.set(false);
        String table = SourceGuess.safeName(text);
        StringBuilder hint = new StringBuilder();
        if (!table.equals(text)) {
            hint.append("Stored as “").append(table).append("”. ");
        }
        if (host.layers().stream().map(LayerInfo::name).anyMatch(table::equals)) {
            hint.append("A layer with this name exists; you will be asked before it is replaced.");
        }
        nameHint.set(hint.toString().strip());
    }

    /** True when the open workspace has a study-area layer (the "inside only" filter needs one). */
    public boolean hasStudyArea() {
        return host.layers().stream().anyMatch(l -> l.role() == LayerRole.AREA);
    }

    // ---- the import --------------------------------------------------------------------------------------

    private boolean importPossible() {
        if (phase.get() != Phase.EDITING || files.isEmpty() || previewing.get() || previewError.get() != null
                || preview.get() == null || name.get() == null || name.get().isBlank()) {
            return false;
        }
        if (crsText.get() != null && !crsText.get().isBlank()) {
            if (crsProblem.get()) {
                return false;
            }
        } else if (preview.get().sourceCrs().isEmpty()) {
            return false;
        }
        return !delimitedText.get() || (xColumn.get() != null && yColumn.get() != null);
    }

    /** Builds the request from the form. */
    ImportRequest request(String layerName, ImportRequest.Mode mode, boolean forPreview) {
        Crs crs = CrsChoices.parse(crsText.get()).orElse(null);
        String x = null;
        String y = null;
        String lat = null;
        String lon = null;
        if (delimitedText.get() && xColumn.get() != null && yColumn.get() != null) {
            if (coordinateMode.get() == CoordinateMode.LON_LAT) {
                lon = xColumn.get();
                lat = yColumn.get();
            } else {
                x = xColumn.get();
                y = yColumn.get();
            }
        }
        String zipMember = member.get() == null || member.get().isBlank() ? null : member.get().strip();
        ReadOptions read = new ReadOptions(crs, x, y, lat, lon, zipMember, charset.get());
        boolean outcome = role.get() == LayerRole.OUTCOME;
        Map<String, Set<String>> chosenFilters = new LinkedHashMap<>();
        if (!forPreview) {
            for (FilterRow f : filters) {
                if (f.isComplete()) {
                    chosenFilters.merge(f.fieldProperty().get(), f.values(), (a, b) -> {
                        Set<String> both = new LinkedHashSet<>(a);
                        both.addAll(b);
                        return both;
                    });
                }
            }
        }
        return new ImportRequest(List.copyOf(files), role.get(), layerName, read, preset.get().key(), chosenFilters,
                outcome && !forPreview ? dateFrom.get() : null, outcome && !forPreview ? dateTo.get() : null,
                outcome ? dateColumn.get() : null, outcome ? categoryColumn.get() : null,
                !forPreview && insideAreaOnly.get(), Set.copyOf(keepColumns), mode, null);
    }

    /** The Import button: writes the layer in the background. */
    public void startImport() {
        if (phase.get() == Phase.IMPORTING || files.isEmpty()) {
            return;
        }
        ImportRequest request;
        try {
            request = request(name.get() == null ? "" : name.get().strip(), ImportRequest.Mode.CREATE, false);
        } catch (IllegalArgumentException e) {
            importError.set(AppWording.forApp(e.getMessage()));
            return;
        }
        run(request);
    }

    private void run(ImportRequest request) {
        Workspace ws = host.workspace();
        if (ws == null) {
            importError.set("Open a workspace first (File ▸ Open…); the layer is added to it.");
            return;
        }
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        importError.set(null);
        outcome.set(null);
        phase.set(Phase.IMPORTING);
        TaskRunner runner = host.runner();
        stage.bind(runner.message());
        progress.bind(runner.progress());
        runner.run("Importing " + sourceName() + "…",
                p -> new ImportService(ws).run(request, p::update, cancel),
                result -> {
                    release();
                    finished(result, false, null);
                    host.imported(result.layer());
                },
                error -> {
                    release();
                    failed(request, error);
                });
    }

    private void release() {
        stage.unbind();
        progress.unbind();
        cancellation = null;
    }

    private void finished(ImportReport result, boolean nothing, String why) {
        report.set(result);
        nothingImported.set(nothing);
        reportHeadline.set(nothing ? "Nothing was imported from " + sourceName() + "." : "Imported "
                + count(result.imported()) + " " + (result.imported() == 1 ? "feature" : "features") + " into “"
                + result.layer() + "”.");
        reportWhy.set(why == null ? "" : why);
        phase.set(Phase.FINISHED);
    }

    private void failed(ImportRequest request, Throwable error) {
        phase.set(Phase.EDITING);
        if (error instanceof CancelledException) {
            outcome.set("Import cancelled. Nothing was added; the workspace is as it was.");
            return;
        }
        if (error instanceof WorkspaceException we && we.reason() == WorkspaceException.Reason.EXISTS
                && request.mode() == ImportRequest.Mode.CREATE) {
            String table = SourceGuess.safeName(request.name());
            boolean replace = host.dialogs().confirm("Layer exists", "Replace the existing layer '" + table + "'?",
                    "The workspace already has a layer named '" + table + "'. Replacing it removes its features and"
                            + " puts the imported ones in their place. To keep both, choose another name.",
                    "Replace");
            if (replace) {
                run(withMode(request, ImportRequest.Mode.REPLACE));
            } else {
                outcome.set("Nothing was imported: a layer named '" + table + "' exists. Choose another name, or"
                        + " import again and replace it.");
            }
            return;
        }
        if (error instanceof ImportException ie && ie.report() != null) {
            finished(ie.report(), true, AppWording.forApp(ie.problem().message()));
            return;
        }
        importError.set(describe(error) + (error instanceof ImportException || error instanceof WorkspaceException
                ? " Nothing was changed in the workspace." : ""));
    }

    private static ImportRequest withMode(ImportRequest r, ImportRequest.Mode mode) {
        return new ImportRequest(r.files(), r.role(), r.name(), r.read(), r.preset(), r.filters(), r.dateFrom(),
                r.dateTo(), r.dateColumn(), r.categoryColumn(), r.insideAreaOnly(), r.keepColumns(), mode,
                r.appendKey());
    }

    /** Cancel while importing: the import stops at its next check and rolls back. */
    public void cancel() {
        Cancellation c = cancellation;
        if (phase.get() == Phase.IMPORTING && c != null) {
            c.cancel();
            stage.unbind();
            stage.set("Cancelling…");
        }
    }

    /** From the report back to the form with the same choices (after "nothing was imported"). */
    public void backToForm() {
        if (phase.get() == Phase.FINISHED) {
            phase.set(Phase.EDITING);
        }
    }

    /** From the report to an empty form, for the next file. */
    public void importAnother() {
        setFiles(List.of());
    }

    /** The filter the "Add a filter" button adds. */
    public FilterRow addFilter() {
        FilterRow row = new FilterRow();
        filters.add(row);
        return row;
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The source in a few words: a file name, a folder, or "3 files from 2018". */
    public String sourceName() {
        if (files.isEmpty()) {
            return "";
        }
        Path first = files.get(0);
        if (files.size() == 1) {
            return first.getFileName() + (Files.isDirectory(first) ? " (folder)" : "");
        }
        Path parent = first.getParent();
        return files.size() + " files" + (parent == null ? "" : " from " + parent.getFileName());
    }

    private Path initialFolder() {
        if (!files.isEmpty() && files.get(0).getParent() != null) {
            return files.get(0).getParent();
        }
        Workspace ws = host.workspace();
        if (ws != null && ws.file().toAbsolutePath().getParent() != null) {
            return ws.file().toAbsolutePath().getParent();
        }
        return Path.of(System.getProperty("user.home"));
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    // ---- properties --------------------------------------------------------------------------------------

    public ImportHost host() {
        return host;
    }

    public ObservableList<Path> files() {
        return files;
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public ReadOnlyStringProperty presetHintProperty() {
        return presetHint;
    }

    /** True for a single delimited text file, where coordinate columns may be chosen. */
    public ReadOnlyBooleanProperty delimitedTextProperty() {
        return delimitedText;
    }

    public ObjectProperty<CoordinateMode> coordinateModeProperty() {
        return coordinateMode;
    }

    /** X, or the longitude when {@link CoordinateMode#LON_LAT}. */
    public StringProperty xColumnProperty() {
        return xColumn;
    }

    /** Y, or the latitude when {@link CoordinateMode#LON_LAT}. */
    public StringProperty yColumnProperty() {
        return yColumn;
    }

    public ReadOnlyStringProperty coordinateHintProperty() {
        return coordinateHint;
    }

    /** What the CRS field holds: empty (as the file says), a listed line, or a typed code. */
    public StringProperty crsTextProperty() {
        return crsText;
    }

    public ReadOnlyStringProperty crsHintProperty() {
        return crsHint;
    }

    public ReadOnlyBooleanProperty crsProblemProperty() {
        return crsProblem;
    }

    public StringProperty memberProperty() {
        return member;
    }

    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    public ObjectProperty<LayerRole> roleProperty() {
        return role;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty nameHintProperty() {
        return nameHint;
    }

    public ReadOnlyBooleanProperty nameProblemProperty() {
        return nameProblem;
    }

    /** The incidents' date column, or null for the automatic choice. */
    public StringProperty dateColumnProperty() {
        return dateColumn;
    }

    /** The incidents' category column, or null for none (or the preset's). */
    public StringProperty categoryColumnProperty() {
        return categoryColumn;
    }

    /** Personal-data columns the user keeps anyway. */
    public ObservableSet<String> keepColumns() {
        return keepColumns;
    }

    public ObservableList<FilterRow> filters() {
        return filters;
    }

    public ObjectProperty<LocalDate> dateFromProperty() {
        return dateFrom;
    }

    public ObjectProperty<LocalDate> dateToProperty() {
        return dateTo;
    }

    public BooleanProperty insideAreaOnlyProperty() {
        return insideAreaOnly;
    }

    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview;
    }

    /** The source's column names, as the last preview read them. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** Why the source cannot be read, or null. */
    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError;
    }

    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing;
    }

    public ObservableList<Message> messages() {
        return messages;
    }

    /** A warning that the previewed features lie far from the workspace, or null. */
    public ReadOnlyStringProperty placeWarningProperty() {
        return placeWarning;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** Why the last import failed (nothing was written), or null. */
    public ReadOnlyStringProperty importErrorProperty() {
        return importError;
    }

    /** A remark about the last import that is not an error (cancelled, name kept), or null. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    public ReadOnlyObjectProperty<ImportReport> reportProperty() {
        return report;
    }

    public ReadOnlyBooleanProperty nothingImportedProperty() {
        return nothingImported;
    }

    public ReadOnlyStringProperty reportHeadlineProperty() {
        return reportHeadline;
    }

    /** Why nothing was imported (the importer's sentence), or empty. */
    public ReadOnlyStringProperty reportWhyProperty() {
        return reportWhy;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    /** The previewed rows' geometries in longitude/latitude (null entries for rows without one). */
    public List<Geometry> previewGeometries() {
        ImportPreview p = preview.get();
        return p == null ? List.of() : p.lonLat();
    }
}
