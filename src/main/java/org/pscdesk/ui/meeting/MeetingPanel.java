package org.pscdesk.ui.meeting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.meeting.Body;
import org.pscdesk.meeting.BodyKind;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;
import org.pscdesk.meeting.Organization;
import org.pscdesk.store.AppFolders;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.Shown;

/**
 * The meeting beside the map: pick or start a meeting (the ACTION agenda), type notes per step — saved as
 * you type, half a second after the last key, and on every step change — tick the organizations present, see
 * the action items still open from earlier meetings in the Tasks step, send a step to the projector, and
 * finalize. A note that cannot be saved stays on screen, is written to a recovery file, and is saved again
 * with the next keystroke.
 */
public final class MeetingPanel extends VBox {

    /** What the panel needs from the main window. */
    public interface Host {
        Workspace workspace();

        DialogService dialogs();

        /** Shows an agenda step on the projector (opening it if needed). */
        void showAgendaOnProjector(String step, String text);

        /** The console map, or null when none is shown. */
        org.pscdesk.ui.map.MapPane map();

        /** The run shown on the console map, if any. */
        java.util.Optional<String> runOnMap();

        /** Shows a run's places view on the console map. */
        void showOnMap(org.pscdesk.report.PublicRun run);

        /** The panel now shows this meeting (remembered, so a restart after a crash reopens it). */
        void meetingShown(long id);

        /** Puts the run view of the console map on the projector; false when no run is on the map. */
        boolean showMapOnProjector();
    }

    static final Duration AUTOSAVE_DELAY = Duration.millis(500);

    private final Host host;
    private final ComboBox<MeetingRecords.Summary> meetings = new ComboBox<>();
    private final ToggleGroup steps = new ToggleGroup();
    private final Label purpose = new Label();
    private final TextArea notes = new TextArea();
    private final Label saved = new Label();
    private final VBox carried = new VBox(4);
    private final FlowPane attendance = new FlowPane(8, 4);
    private final Button finalize = new Button("Finalize…");
    private final Button correct = new Button("Record a correction…");
    private final Label linked = new Label();
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);
    private final Map<AgendaStep, String> texts = new EnumMap<>(AgendaStep.class);
    private final MeetingUndo undo = new MeetingUndo();
    private final Button startButton = new Button("Start the meeting");
    private final PlacesSection places;
    private final ProgramsSection programs;
    private final DetailsSection details;
    private boolean quiet;
    private long meetingShown;
    private long meetingId;
    private boolean finalized;
    private AgendaStep step = AgendaStep.ASSESSMENT;
    private boolean loading;

    public MeetingPanel(Host host) {
        this.host = host;
        setId("meeting-panel");
        getStyleClass().add("analysis-panel");
        setPadding(new Insets(10));
        setSpacing(8);
        setPrefWidth(460);
        setMinWidth(360);

        meetings.setId("meeting-choice");
        meetings.setMaxWidth(Double.MAX_VALUE);
        meetings.setConverter(Shown.as((MeetingRecords.Summary m) -> m.date() + " · " + m.title() + " ("
                + m.status().replace('_', ' ') + ")"));
        meetings.valueProperty().addListener((o, was, now) -> {
            if (quiet) {
                return;
            }
            saveNow();
            if (now != null) {
                load(now.id());
            }
        });
        Button create = new Button("New meeting");
        create.setId("meeting-new");
        create.setOnAction(e -> newMeeting());
        create.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        meetings.setPrefWidth(300);
        Button undoButton = new Button("Undo");
        undoButton.setId("meeting-undo");
        undoButton.setOnAction(e -> undoOrRedo(true));
        undoButton.disableProperty().bind(undo.undoTextProperty().isEmpty());
        undoButton.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() ->
                new javafx.scene.control.Tooltip("Undo " + undo.undoTextProperty().get() + " (Ctrl+Z)"),
                undo.undoTextProperty()));
        Button redoButton = new Button("Redo");
        redoButton.setId("meeting-redo");
        redoButton.setOnAction(e -> undoOrRedo(false));
        redoButton.disableProperty().bind(undo.redoTextProperty().isEmpty());
        redoButton.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() ->
                new javafx.scene.control.Tooltip("Redo " + undo.redoTextProperty().get() + " (Ctrl+Y)"),
                undo.redoTextProperty()));
        startButton.setId("meeting-start");
        startButton.setOnAction(e -> startMeeting());
        startButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(6, meetings, create);
        Label editsHint = new Label("The room's edits:");
        editsHint.getStyleClass().add("analysis-hint");
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox edits = new HBox(6, startButton, gap, editsHint, undoButton, redoButton);
        VBox header = new VBox(4, top, linked);
        edits.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(meetings, Priority.ALWAYS);

        FlowPane stepButtons = new FlowPane(4, 4);
        for (AgendaStep s : AgendaStep.values()) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId("step-" + s.key());
            b.setUserData(s);
            b.setToggleGroup(steps);
            stepButtons.getChildren().add(b);
        }
        steps.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                steps.selectToggle(was);
                return;
            }
            saveNow();
            showStep((AgendaStep) now.getUserData());
        });
        purpose.setWrapText(true);
        purpose.getStyleClass().add("analysis-hint");
        notes.setId("meeting-notes");
        notes.setWrapText(true);
        notes.setPrefRowCount(9);
        notes.textProperty().addListener((o, was, now) -> {
            if (!loading && !finalized) {
                texts.put(step, now);
                saved.setText("…");
                autosave.playFromStart();
            }
        });
        notes.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                saveNow();
            }
        });
        autosave.setOnFinished(e -> saveNow());
        saved.setId("meeting-saved");
        saved.getStyleClass().add("analysis-hint");
        Button project = new Button("Show this step on the projector");
        project.setId("meeting-project");
        project.setOnAction(e -> host.showAgendaOnProjector(step.title(), publicText(notes.getText())));
        Button projectMap = new Button("Show the map on the projector");
        projectMap.setId("meeting-project-map");
        projectMap.setOnAction(e -> {
            if (!host.showMapOnProjector()) {
                saved.setText("No risk map on the console yet: open a run (Analysis ▸ Risk model…) or pick a"
                        + " place.");
            }
        });
        finalize.setId("meeting-finalize");
        finalize.setOnAction(e -> finalizeMeeting());
        correct.setId("meeting-correct");
        correct.setOnAction(e -> startCorrection());
        linked.setId("meeting-linked");
        linked.setWrapText(true);
        linked.getStyleClass().add("analysis-hint");

        Label present = new Label("Organizations present");
        present.getStyleClass().add("analysis-heading");
        saved.setWrapText(true);
        places = new PlacesSection(new PlacesSection.Host() {
            @Override
            public Workspace workspace() {
                return host.workspace();
            }

            @Override
            public DialogService dialogs() {
                return host.dialogs();
            }

            @Override
            public org.pscdesk.ui.map.MapPane map() {
                return host.map();
            }

            @Override
            public java.util.Optional<String> runOnMap() {
                return host.runOnMap();
            }

            @Override
            public void showOnMap(org.pscdesk.report.PublicRun run) {
                host.showOnMap(run);
            }

            @Override
            public void say(String text) {
                saved.setText(text);
            }

            @Override
            public void showListOnProjector(String title, String text) {
                host.showAgendaOnProjector(title, publicText(text));
            }
        }, undo);
        details = new DetailsSection(host::workspace, saved::setText, this::showTitles);
        programs = new ProgramsSection(host::workspace, host::dialogs, saved::setText, undo);
        places.setOnChange(() -> {
            programs.refresh();
            itemChoices();
        });
        VBox content = new VBox(8, header, edits, details, stepButtons, purpose, notes, saved,
                new FlowPane(6, 6, project, projectMap), carried, newItemForm(), places, programs, present, attendance,
                newOrganizationForm(), new HBox(6, finalize, correct));
        // keyboard first: the next and previous agenda step, and a new action item
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.PAGE_DOWN) {
                moveStep(1);
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.PAGE_UP) {
                moveStep(-1);
                e.consume();
            } else if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == javafx.scene.input.KeyCode.A) {
                startNewItem();
                e.consume();
            } else if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == javafx.scene.input.KeyCode.N) {
                startNewPlace();
                e.consume();
            } else if (e.isShortcutDown() && (e.getCode() == javafx.scene.input.KeyCode.Z
                    || e.getCode() == javafx.scene.input.KeyCode.Y)
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                // in a text field Ctrl+Z undoes typing; elsewhere it undoes the room's last edit
                undoOrRedo(e.getCode() == javafx.scene.input.KeyCode.Z && !e.isShiftDown());
                e.consume();
            }
        });
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        // picking a place: its card comes into view, the map stays where it is
        places.setReveal(() -> {
            details.setExpanded(false);
            javafx.application.Platform.runLater(() -> scrollTo(scroll, content, places));
        });
        // the panel is long: one click to each part of it
        FlowPane jump = new FlowPane(10, 2);
        jump.setId("meeting-jump");
        for (Object[] target : new Object[][] {{"Notes", stepButtons}, {"Places", places},
            {"Who does what where", programs}, {"Attendance", present}}) {
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink((String) target[0]);
            link.setOnAction(e -> scrollTo(scroll, content, (javafx.scene.Node) target[1]));
            jump.getChildren().add(link);
        }
        content.getChildren().add(1, jump);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label heading = new Label("Meeting");
        heading.getStyleClass().add("analysis-heading");
        getChildren().setAll(heading, scroll);
        refresh();
    }

    /** Re-reads the meetings; opens the newest. */
    public void refresh() {
        try {
            List<MeetingRecords.Summary> all = new MeetingRecords(host.workspace()).summaries();
            meetings.setItems(FXCollections.observableArrayList(all));
            if (!all.isEmpty()) {
                meetings.getSelectionModel().selectFirst();
            }
        } catch (WorkspaceException e) {
            host.dialogs().showError("Meetings", e.getMessage());
        }
    }

    private void load(long id) {
        loading = true;
        try {
            Workspace ws = host.workspace();
            MeetingRepository repo = new MeetingRepository(ws);
            meetingId = id;
            Meeting m = repo.meetings().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            finalized = m.status() == MeetingStatus.FINALIZED;
            startButton.setVisible(m.status() == MeetingStatus.DRAFT);
            correct.setVisible(finalized);
            correct.setManaged(finalized);
            showLinks(id);
            startButton.setManaged(startButton.isVisible());
            texts.clear();
            texts.putAll(repo.agendaNotes(id));
            notes.setEditable(!finalized);
            finalize.setDisable(finalized);
            saved.setText(finalized ? "Finalized: this record can no longer change." : "Saved as you type.");
            Set<Long> here = new HashSet<>(repo.attendance(id));
            attendance.getChildren().clear();
            newItemOwner.getItems().setAll(new DirectoryRepository(ws).organizations());
            for (Organization o : new DirectoryRepository(ws).organizations()) {
                CheckBox box = new CheckBox(o.name());
                box.setSelected(here.contains(o.id()));
                box.setDisable(finalized);
                box.selectedProperty().addListener((obs, was, now) -> saveAttendance());
                box.setUserData(o.id());
                attendance.getChildren().add(box);
            }
            showCarried(id);
            carried.setId("meeting-carried");
            newOrg.setVisible(!finalized);
            newOrg.setManaged(!finalized);
            details.load(m, !finalized);
            if (id != meetingShown) {
                undo.clear();
                meetingShown = id;
            }
            places.load(id, !finalized);
            programs.load(id, !finalized);
            host.meetingShown(id);
            restoreRecovered();
            steps.selectToggle(steps.getToggles().get(0));
            showStep(AgendaStep.ASSESSMENT);
        } catch (WorkspaceException e) {
            host.dialogs().showError("Open meeting", e.getMessage());
        } finally {
            loading = false;
        }
    }

    /** The Tasks step's list: items from earlier meetings, each updated here into a new row of this meeting. */
    private void showCarried(long id) throws WorkspaceException {
        carried.getChildren().clear();
        List<MeetingRecords.CarriedItem> items = new MeetingRecords(host.workspace()).itemsToReview(id);
        if (items.isEmpty()) {
            return;
        }
        long fromEarlier = items.stream().filter(i -> !i.updatedHere()).count();
        Label title = new Label("Action items to review (" + items.size() + "; still open from earlier meetings: "
                + fromEarlier + ")");
        title.getStyleClass().add("analysis-heading");
        title.setWrapText(true);
        carried.getChildren().add(title);
        for (MeetingRecords.CarriedItem item : items) {
            Label what = new Label(item.description() + " — " + item.owner()
                    + (item.due() == null ? "" : ", due " + item.due())
                    + (item.placeLabel() == null ? "" : " — " + item.placeLabel()));
            what.setWrapText(true);
            javafx.scene.control.ChoiceBox<String> status = new javafx.scene.control.ChoiceBox<>(
                    FXCollections.observableArrayList("open", "in_progress", "done", "dropped"));
            status.setValue(item.status());
            status.setDisable(finalized);
            javafx.scene.control.TextField reason = new javafx.scene.control.TextField();
            reason.setPromptText("why dropped");
            reason.setDisable(finalized || !"dropped".equals(item.status()));
            Runnable save = () -> {
                try {
                    new MeetingRecords(host.workspace()).updateInMeeting(meetingId, item.id(), status.getValue(),
                            reason.getText());
                    saved.setText("Action item updated in this meeting.");
                } catch (WorkspaceException e) {
                    host.dialogs().showError("Action item", e.getMessage());
                }
            };
            status.valueProperty().addListener((o, was, now) -> {
                reason.setDisable(!"dropped".equals(now));
                if (!"dropped".equals(now)) {
                    save.run();
                }
            });
            reason.setOnAction(e -> save.run());
            HBox controls = new HBox(6, status, reason);
            VBox row = new VBox(2, what, controls);
            row.getStyleClass().add("meeting-carried-item");
            carried.getChildren().add(row);
        }
    }

    private void showStep(AgendaStep s) {
        loading = true;
        step = s;
        purpose.setText(s.purpose());
        notes.setText(texts.getOrDefault(s, ""));
        carried.setVisible(s == AgendaStep.TASKS);
        carried.setManaged(s == AgendaStep.TASKS);
        newItem.setVisible(s == AgendaStep.TASKS && !finalized);
        newItem.setManaged(s == AgendaStep.TASKS && !finalized);
        loading = false;
    }

    private final TextField newItemText = new TextField();
    private final ComboBox<Organization> newItemOwner = new ComboBox<>();
    private final javafx.scene.control.DatePicker newItemDue = new javafx.scene.control.DatePicker();
    private final ComboBox<MeetingRecords.RankedPlace> newItemPlace = new ComboBox<>();
    private final ComboBox<org.pscdesk.meeting.Program> newItemProgram = new ComboBox<>();
    private final VBox newItem = new VBox(4);

    /** The Tasks step's form for a new action item (Ctrl+Shift+A): owner organization, what, due date. */
    private VBox newItemForm() {
        Label title = new Label("New action item (Ctrl+Shift+A)");
        title.getStyleClass().add("analysis-heading");
        newItemText.setId("meeting-item-text");
        newItemText.setPromptText("what, where");
        newItemOwner.setId("meeting-item-owner");
        newItemOwner.setPromptText("owner organization");
        newItemOwner.setConverter(Shown.as((Organization o) -> o.name()));
        newItemDue.setPromptText("due");
        newItemPlace.setId("meeting-item-place");
        newItemPlace.setPromptText("place (optional)");
        newItemPlace.setConverter(Shown.as((MeetingRecords.RankedPlace p) -> p.rank() + ". " + p.label()));
        newItemProgram.setId("meeting-item-program");
        newItemProgram.setPromptText("program (optional)");
        newItemProgram.setConverter(Shown.as((org.pscdesk.meeting.Program p) -> p.name()));
        for (javafx.scene.control.Control c : List.of(newItemOwner, newItemPlace, newItemProgram)) {
            c.setPrefWidth(200);
            c.setMaxWidth(200);
        }
        Button add = new Button("Add");
        add.setId("meeting-item-add");
        add.setOnAction(e -> addItem());
        newItemText.setOnAction(e -> addItem());
        newItem.getChildren().setAll(title, newItemText, new FlowPane(6, 6, newItemOwner, newItemDue, newItemPlace,
                newItemProgram, add));
        return newItem;
    }

    /** The new action item's place and program choices: this meeting's places, the catalog. */
    private void itemChoices() {
        if (meetingId == 0) {
            return;
        }
        try {
            newItemPlace.getItems().setAll(new MeetingRecords(host.workspace()).rankedPlaces(meetingId));
            newItemProgram.getItems().setAll(new DirectoryRepository(host.workspace()).programs());
        } catch (WorkspaceException e) {
            saved.setText(e.getMessage());
        }
    }

    private void startNewItem() {
        if (finalized) {
            return;
        }
        steps.getToggles().stream().filter(t -> t.getUserData() == AgendaStep.TASKS).findFirst()
                .ifPresent(steps::selectToggle);
        newItemText.requestFocus();
    }

    private void addItem() {
        if (finalized || meetingId == 0) {
            return;
        }
        String text = newItemText.getText().trim();
        Organization owner = newItemOwner.getValue();
        if (text.isEmpty() || owner == null) {
            saved.setText("An action item needs what to do and an owner organization.");
            return;
        }
        try {
            MeetingRecords.RankedPlace where = newItemPlace.getValue();
            org.pscdesk.meeting.Program program = newItemProgram.getValue();
            org.pscdesk.meeting.ActionItem item = new MeetingRepository(host.workspace()).addActionItem(
                    new org.pscdesk.meeting.ActionItem(meetingId, owner.id(), program == null ? null : program.id(),
                            where == null ? null : where.label(), text, newItemDue.getValue(),
                            org.pscdesk.meeting.ActionItemStatus.OPEN));
            if (where != null) {
                new MeetingRecords(host.workspace()).linkActionItem(item.id(), where.placeId(), null);
            }
            newItemText.clear();
            newItemDue.setValue(null);
            newItemPlace.setValue(null);
            newItemProgram.setValue(null);
            saved.setText("Action item added: " + text);
            showCarried(meetingId);
        } catch (WorkspaceException e) {
            host.dialogs().showError("Action item", e.getMessage());
        }
    }

    private void moveStep(int by) {
        AgendaStep[] all = AgendaStep.values();
        int next = Math.max(0, Math.min(all.length - 1, step.ordinal() + by));
        steps.selectToggle(steps.getToggles().get(next));
    }

    private void undoOrRedo(boolean isUndo) {
        try {
            String what = isUndo ? undo.undo() : undo.redo();
            if (what != null) {
                saved.setText((isUndo ? "Undone: " : "Redone: ") + what + ".");
                places.refresh();
            }
        } catch (WorkspaceException e) {
            host.dialogs().showError(isUndo ? "Undo" : "Redo", e.getMessage());
        }
    }

    /** Scrolls the panel so that a part of it is at the top. */
    private static void scrollTo(ScrollPane scroll, VBox content, javafx.scene.Node part) {
        content.applyCss();
        content.layout();
        double extra = content.getHeight() - scroll.getViewportBounds().getHeight();
        if (extra > 0) {
            scroll.setVvalue(Math.min(1, part.getBoundsInParent().getMinY() / extra));
        }
    }

    /** Typed text as the room's wall may show it: the privacy filter, and the facilitator's name left out. */
    String publicText(String typed) {
        return new org.pscdesk.report.PrivacyFilter().publicText(typed, List.of(details.facilitator()));
    }

    /** Starts picking a new place on the map (Ctrl+Shift+N). */
    public void startNewPlace() {
        places.startPicking();
    }

    /** The meetings' titles again (one was renamed), keeping the one shown. */
    private void showTitles() {
        quiet = true;
        try {
            List<MeetingRecords.Summary> all = new MeetingRecords(host.workspace()).summaries();
            meetings.setItems(FXCollections.observableArrayList(all));
            all.stream().filter(m -> m.id() == meetingId).findFirst().ifPresent(meetings.getSelectionModel()::select);
        } catch (WorkspaceException e) {
            saved.setText(e.getMessage());
        } finally {
            quiet = false;
        }
    }

    /** Saves the notes typed so far; on failure keeps them on screen and in a recovery file, and retries. */
    public void saveNow() {
        if (details != null) {
            details.saveIfPending();
        }
        autosave.stop();
        if (meetingId == 0 || finalized || loading) {
            return;
        }
        Map<AgendaStep, String> copy = new EnumMap<>(texts);
        try {
            new MeetingRepository(host.workspace()).putAgendaNotes(meetingId, copy);
            retry.stop();
            saved.setText("Saved.");
            saved.getStyleClass().remove("meeting-unsaved");
            Files.deleteIfExists(recoveryFile()); // in the workspace now
        } catch (WorkspaceException | RuntimeException e) {
            Path recovery = recoveryFile();
            try {
                Files.createDirectories(recovery.getParent());
                java.util.Properties p = new java.util.Properties();
                copy.forEach((k, v) -> p.setProperty(k.key(), v));
                try (java.io.Writer out = Files.newBufferedWriter(recovery, java.nio.charset.StandardCharsets.UTF_8)) {
                    p.store(out, "PSC Desk: meeting notes not yet saved in the workspace; reopening the meeting"
                            + " saves them");
                }
            } catch (java.io.IOException ignored) {
                // the text is still on screen; the message says so
            }
            saved.setText("NOT SAVED: " + e.getMessage() + " Your text stays here and in " + recovery
                    + "; PSC Desk tries again every few seconds and with your next change.");
            if (!saved.getStyleClass().contains("meeting-unsaved")) {
                saved.getStyleClass().add("meeting-unsaved");
            }
            retry.playFromStart();
        } catch (java.io.IOException e) {
            saved.setText("Saved. (The old recovery file could not be removed: " + e.getMessage() + ")");
        }
    }

    /** Tries a failed save again (the disk had no room, the file was read-only) until it works. */
    private final PauseTransition retry = new PauseTransition(Duration.seconds(3));

    {
        retry.setOnFinished(e -> saveNow());
    }

    /**
     * Notes that could not be saved before (the disk was full, then the app was closed or crashed) are read
     * back from the recovery file into the meeting and saved now.
     */
    private void restoreRecovered() {
        Path recovery = recoveryFile();
        if (finalized || !Files.isRegularFile(recovery)) {
            return;
        }
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(recovery, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (java.io.IOException | IllegalArgumentException e) {
            saved.setText("A recovery file could not be read: " + recovery + " (" + e.getMessage() + ").");
            return;
        }
        boolean changed = false;
        for (AgendaStep s : AgendaStep.values()) {
            String text = p.getProperty(s.key());
            if (text != null && !text.equals(texts.getOrDefault(s, ""))) {
                texts.put(s, text);
                changed = true;
            }
        }
        if (changed) {
            showStep(step);
            javafx.application.Platform.runLater(() -> {
                saveNow();
                if ("Saved.".equals(saved.getText())) {
                    saved.setText("Restored notes that could not be saved last time, and saved them.");
                }
            });
        }
    }

    /** Per workspace and meeting: two workspaces both have a meeting 2. */
    private Path recoveryFile() {
        return recoveryFile(host.workspace().file(), meetingId);
    }

    /** Where the notes of a meeting wait when they could not be saved in the workspace. */
    public static Path recoveryFile(Path workspaceFile, long meetingId) {
        Path abs = workspaceFile.toAbsolutePath().normalize();
        String name = abs.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        String tag = Integer.toHexString(abs.toString().hashCode());
        return AppFolders.data().resolve("recovery").resolve(name + "-" + tag)
                .resolve("meeting-" + meetingId + "-notes.properties");
    }

    /** The panel goes (its workspace closes): what was typed is saved, and nothing runs on afterwards. */
    public void close() {
        saveNow();
        autosave.stop();
        retry.stop();
        places.stopPicking();
        places.showOnMap(false);
    }

    /** The panel is shown beside the map or put away: the meeting's places are drawn on the map only meanwhile. */
    public void setShown(boolean shown) {
        if (!shown) {
            places.stopPicking();
        }
        places.showOnMap(shown);
    }

    /** Shows one of the meetings (a restart reopens the one that was open). */
    public void open(long id) {
        meetings.getItems().stream().filter(m -> m.id() == id).findFirst()
                .ifPresent(m -> meetings.getSelectionModel().select(m));
    }

    private final TextField newOrgName = new TextField();
    private final ComboBox<org.pscdesk.meeting.Sector> newOrgSector = new ComboBox<>(FXCollections.observableArrayList(
            org.pscdesk.meeting.Sector.values()));
    private final HBox newOrg = new HBox(6);

    /** A partner who comes for the first time joins the directory from here, ticked as present. */
    private HBox newOrganizationForm() {
        newOrgName.setId("org-new-name");
        newOrgName.setPromptText("a partner new to the directory");
        newOrgSector.setId("org-new-sector");
        newOrgSector.setPromptText("sector");
        newOrgSector.setConverter(Shown.as((org.pscdesk.meeting.Sector s) -> s.key().replace('_', ' ')));
        Button add = new Button("Add");
        add.setId("org-new-add");
        add.setOnAction(e -> addOrganization());
        newOrgName.setOnAction(e -> addOrganization());
        HBox.setHgrow(newOrgName, Priority.ALWAYS);
        newOrg.getChildren().setAll(newOrgName, newOrgSector, add);
        return newOrg;
    }

    private void addOrganization() {
        String name = newOrgName.getText().strip();
        if (finalized || meetingId == 0 || name.isEmpty() || newOrgSector.getValue() == null) {
            saved.setText("A new partner needs a name and a sector.");
            return;
        }
        try {
            DirectoryRepository directory = new DirectoryRepository(host.workspace());
            if (directory.organizations().stream().anyMatch(o -> o.name().equalsIgnoreCase(name))) {
                saved.setText(name + " is already in the directory: tick it above.");
                return;
            }
            Organization o = directory.addOrganization(new Organization(name, newOrgSector.getValue()));
            CheckBox box = new CheckBox(o.name());
            box.setUserData(o.id());
            box.setSelected(true);
            box.selectedProperty().addListener((obs, was, now) -> saveAttendance());
            attendance.getChildren().add(box);
            saveAttendance();
            newItemOwner.getItems().add(o);
            programs.refresh(); // they can run a program or commit one now
            newOrgName.clear();
            newOrgSector.setValue(null);
            saved.setText(o.name() + " added to the directory and marked present.");
        } catch (WorkspaceException e) {
            host.dialogs().showError("New organization", e.getMessage());
        }
    }

    private void saveAttendance() {
        if (loading || finalized) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        attendance.getChildren().forEach(n -> {
            if (n instanceof CheckBox c && c.isSelected()) {
                ids.add((Long) c.getUserData());
            }
        });
        try {
            new MeetingRepository(host.workspace()).setAttendance(meetingId, ids);
        } catch (WorkspaceException e) {
            host.dialogs().showError("Attendance", e.getMessage());
        }
    }

    private void newMeeting() {
        saveNow();
        try {
            Workspace ws = host.workspace();
            DirectoryRepository directory = new DirectoryRepository(ws);
            Body body = directory.bodies().stream().filter(b -> b.kind() == BodyKind.COLLABORATIVE).findFirst()
                    .orElse(null);
            if (body == null) {
                body = directory.addBody(new Body("Public Safety Collaborative", BodyKind.COLLABORATIVE, null));
            }
            LocalDate today = LocalDate.now();
            // a draft until the room meets: the broker prepares the agenda, details and places beforehand
            Meeting m = new MeetingRepository(ws).addMeeting(new Meeting(body.id(), "ACTION meeting, " + today,
                    today, null, null, MeetingStatus.DRAFT));
            refresh();
            meetings.getItems().stream().filter(s -> s.id() == m.id()).findFirst()
                    .ifPresent(s -> meetings.getSelectionModel().select(s));
        } catch (WorkspaceException e) {
            host.dialogs().showError("New meeting", e.getMessage());
        }
    }

    private void finalizeMeeting() {
        saveNow();
        if (!host.dialogs().confirm("Finalize meeting", "Finalize this meeting's record?", "A finalized record can"
                + " no longer change; corrections go into a later meeting. Its content hash is kept.", "Finalize")) {
            return;
        }
        try {
            new MeetingRecords(host.workspace()).finalizeMeeting(meetingId);
            snapshot("finalized");
            long id = meetingId;
            refresh();
            meetings.getItems().stream().filter(s -> s.id() == id).findFirst()
                    .ifPresent(s -> meetings.getSelectionModel().select(s));
        } catch (WorkspaceException e) {
            host.dialogs().showError("Finalize meeting", e.getMessage());
        }
    }

    /** "Correction of …" on a correction, "Corrected by …" on a finalized record that has one. */
    private void showLinks(long id) throws WorkspaceException {
        MeetingRecords records = new MeetingRecords(host.workspace());
        List<String> parts = new ArrayList<>();
        records.corrects(id).ifPresent(l -> parts.add("Correction of the meeting of " + l.date() + " (" + l.title()
                + ")."));
        for (MeetingRecords.Link l : records.correctedBy(id)) {
            parts.add("Corrected by the meeting of " + l.date() + " (" + l.title() + ").");
        }
        linked.setText(String.join(" ", parts));
        linked.setVisible(!parts.isEmpty());
        linked.setManaged(!parts.isEmpty());
    }

    /** A finalized record cannot change: a correction is a new meeting that names it. */
    private void startCorrection() {
        if (!host.dialogs().confirm("Record a correction", "Start a correction of this finalized meeting?",
                "The finalized record stays exactly as it is; a new draft meeting names it as the record it corrects."
                        + " Write what changes there, then finalize it.", "Start correction")) {
            return;
        }
        try {
            long id = new MeetingRecords(host.workspace()).startCorrection(meetingId, LocalDate.now());
            refresh();
            open(id);
        } catch (WorkspaceException e) {
            host.dialogs().showError("Record a correction", e.getMessage());
        }
    }

    /** Draft → in progress, when the room meets; a snapshot marks the start. */
    private void startMeeting() {
        saveNow();
        try {
            new MeetingRecords(host.workspace()).start(meetingId);
            snapshot("meeting-start");
            showTitles();
            startButton.setVisible(false);
            startButton.setManaged(false);
            saved.setText("The meeting has started: everything typed is saved as it is typed.");
        } catch (WorkspaceException e) {
            host.dialogs().showError("Start the meeting", e.getMessage());
        }
    }

    /** A snapshot of the workspace at a meeting's milestones; a failure is said, the meeting goes on. */
    private void snapshot(String reason) {
        try {
            new org.pscdesk.store.Snapshots(host.workspace()).take(reason);
        } catch (WorkspaceException e) {
            saved.setText("Snapshot not taken: " + e.getMessage());
        }
    }

    /** Whether a meeting is shown and can still change. */
    public boolean isEditable() {
        return meetingId != 0 && !finalized;
    }

    /** The meeting shown, 0 when none. */
    public long meetingId() {
        return meetingId;
    }
}
