package org.pscdesk.ui.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.pscdesk.analysis.JsonTree;
import org.pscdesk.geo.Crs;
import org.pscdesk.meeting.Organization;
import org.pscdesk.report.PlaceDrafts;
import org.pscdesk.report.PublicRun;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.fx.Shown;

/**
 * The places the room prioritizes at a meeting: new ones picked on the map (cells, a whole neighbourhood or a
 * suggested place) with the model's facts and a first narrative; each place's narrative edited as the room
 * words it (saved as typed; every wording kept), dot votes by organization, ranking by votes or by moving a
 * place up or down, and the decision with its reason.
 */
final class PlacesSection extends VBox {

    /** What the section needs from the console. */
    interface Host {
        Workspace workspace();

        DialogService dialogs();

        /** The console map, or null when none is shown. */
        MapPane map();

        /** The run shown on the console map, if any. */
        Optional<String> runOnMap();

        /** Shows a run's places view on the console map (when places are picked with no run shown). */
        void showOnMap(PublicRun run);

        /** A short remark under the notes ("Saved.", "NOT SAVED: ..."). */
        void say(String text);

        /** Puts a list on the projector as a slide (through the privacy filter). */
        void showListOnProjector(String title, String text);
    }

    private final Host host;
    private final MeetingUndo undo;
    private final VBox list = new VBox(10);
    private final VBox picking = new VBox(6);
    private final Button newPlace = new Button("New place from the map (Ctrl+Shift+N)");
    private final Button byVotes = new Button("Rank by dot votes");
    private final ComboBox<MeetingRecords.Place> earlier = new ComboBox<>();
    private boolean loadingChoices;
    /** Dots each organization has spent at this meeting, over all places. */
    private final Map<Long, Integer> spent = new java.util.HashMap<>();
    /** A dot round: each organization spends at most this many dots over the places (a common practice). */
    static final int DOTS_PER_ORGANIZATION = 5;
    private long meetingId;
    private boolean editable;
    private PlacePicker picker;
    private MeetingPlacesLayer onMap;
    private boolean mapShown = true;
    private Runnable reveal = () -> { };
    private Runnable onChange = () -> { };

    PlacesSection(Host host, MeetingUndo undo) {
        this.host = host;
        this.undo = undo;
        setSpacing(6);
        setId("meeting-places");
        Label heading = new Label("Places to prioritize");
        heading.getStyleClass().add("analysis-heading");
        newPlace.setId("place-new");
        newPlace.setOnAction(e -> startPicking());
        byVotes.setId("place-rank-votes");
        byVotes.setOnAction(e -> {
            List<Long> before = order();
            edit("ranking by dot votes", () -> records().rankByVotes(meetingId), () -> records().reorder(meetingId,
                    before));
        });
        earlier.setId("place-earlier");
        earlier.setPromptText("or a place from earlier meetings");
        earlier.setMaxWidth(Double.MAX_VALUE);
        earlier.setConverter(Shown.as((MeetingRecords.Place p) -> p.label() + " (since " + p.createdOn() + ")"));
        earlier.valueProperty().addListener((o, was, now) -> {
            if (now != null && !loadingChoices) {
                bringBack(now);
            }
        });
        picking.setId("place-picking");
        picking.getStyleClass().add("meeting-carried-item");
        picking.setPadding(new Insets(6));
        show(picking, false);
        Button project = new Button("Show the list on the projector");
        project.setId("place-project");
        project.setOnAction(e -> projectList());
        getChildren().setAll(heading, new HBox(6, newPlace, byVotes), earlier, picking, list, project);
    }

    /** Shows a meeting's places. */
    void load(long meeting, boolean canEdit) {
        stopPicking();
        meetingId = meeting;
        editable = canEdit;
        newPlace.setDisable(!canEdit);
        byVotes.setDisable(!canEdit);
        refresh();
    }

    private MeetingRecords records() {
        return new MeetingRecords(host.workspace());
    }

    /** The meeting's places in rank order, as ids. */
    private List<Long> order() {
        try {
            return records().rankedPlaces(meetingId).stream().map(MeetingRecords.RankedPlace::placeId).toList();
        } catch (WorkspaceException e) {
            return List.of();
        }
    }

    void refresh() {
        try {
            showList();
        } finally {
            onChange.run();
        }
    }

    private void showList() {
        list.getChildren().clear();
        try {
            MeetingRecords records = new MeetingRecords(host.workspace());
            List<MeetingRecords.RankedPlace> places = records.rankedPlaces(meetingId);
            java.util.Set<Long> here = new java.util.HashSet<>(places.stream().map(MeetingRecords.RankedPlace::placeId)
                    .toList());
            loadingChoices = true;
            try {
                earlier.setValue(null);
                earlier.getItems().setAll(records.registry().stream().filter(p -> !here.contains(p.id())).toList());
            } finally {
                loadingChoices = false;
            }
            earlier.setVisible(editable && !earlier.getItems().isEmpty());
            earlier.setManaged(earlier.isVisible());
            if (places.isEmpty()) {
                drawOnMap(records, places);
                Label none = new Label(editable ? "No place yet: pick one on the map (Ctrl+Shift+N)."
                        : "No place was ranked at this meeting.");
                none.getStyleClass().add("analysis-hint");
                list.getChildren().add(none);
                return;
            }
            drawOnMap(records, places);
            Map<Long, Map<Long, Integer>> votes = records.votes(meetingId);
            List<Object> decisions = JsonTree.list(JsonTree.object(records.json(meetingId).orElseThrow()), "decisions");
            List<Organization> voters = voters();
            spent.clear();
            votes.values().forEach(byOrg -> byOrg.forEach((org, n) -> spent.merge(org, n, Integer::sum)));
            for (MeetingRecords.RankedPlace p : places) {
                list.getChildren().add(card(records, p, places, votes.getOrDefault(p.placeId(), Map.of()), voters,
                        decisions));
            }
        } catch (WorkspaceException e) {
            host.dialogs().showError("Places", e.getMessage());
        }
    }

    /** The organizations that may vote: those present, else every partner. */
    private List<Organization> voters() throws WorkspaceException {
        List<Organization> all = new DirectoryRepository(host.workspace()).organizations();
        List<Long> present = new MeetingRepository(host.workspace()).attendance(meetingId);
        List<Organization> here = all.stream().filter(o -> present.contains(o.id())).toList();
        return here.isEmpty() ? all : here;
    }

    private VBox card(MeetingRecords records, MeetingRecords.RankedPlace p, List<MeetingRecords.RankedPlace> all,
                      Map<Long, Integer> dots, List<Organization> voters, List<Object> decisions)
            throws WorkspaceException {
        Label title = new Label(p.rank() + ". " + p.label() + (p.dots() > 0 ? "   · " + p.dots() + " dots" : ""));
        title.getStyleClass().add("analysis-heading");
        title.setWrapText(true);
        Label facts = new Label(factsText(p.factsJson()) + historyText(records, p.placeId()));
        facts.setWrapText(true);
        facts.getStyleClass().add("analysis-hint");

        TextArea narrative = new TextArea(p.narrative());
        narrative.setId("place-narrative-" + p.placeId());
        narrative.setWrapText(true);
        narrative.setPrefRowCount(3);
        narrative.setEditable(editable);
        PauseTransition autosave = new PauseTransition(MeetingPanel.AUTOSAVE_DELAY);
        autosave.setOnFinished(e -> saveNarrative(p.placeId(), narrative.getText()));
        narrative.textProperty().addListener((o, was, now) -> {
            host.say("…");
            autosave.playFromStart();
        });
        narrative.focusedProperty().addListener((o, was, now) -> {
            if (!now && autosave.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                autosave.stop();
                saveNarrative(p.placeId(), narrative.getText());
            }
        });

        List<MeetingRecords.NarrativeVersion> versions = records.narrativeVersions(meetingId, p.placeId());
        VBox wordings = new VBox(4);
        for (MeetingRecords.NarrativeVersion v : versions) {
            Label l = new Label(v.writtenAt().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", " UTC") + " · "
                    + ("generated".equals(v.origin()) ? "draft from the model" : "edited in the room") + "\n"
                    + v.narrative());
            l.setWrapText(true);
            wordings.getChildren().add(l);
        }
        TitledPane earlier = new TitledPane("Wordings so far (" + versions.size() + ")", wordings);
        earlier.setExpanded(false);

        GridPane ballot = new GridPane();
        ballot.setHgap(8);
        ballot.setVgap(4);
        int row = 0;
        for (Organization o : voters) {
            int here = dots.getOrDefault(o.id(), 0);
            int left = DOTS_PER_ORGANIZATION - spent.getOrDefault(o.id(), 0);
            Spinner<Integer> n = new Spinner<>(0, here + Math.max(0, left), here); // never past the budget
            n.setId("place-dots-" + p.placeId() + "-" + o.id());
            n.setPrefWidth(70);
            n.setDisable(!editable);
            n.valueProperty().addListener((obs, was, now) -> edit(o.name() + "'s dots for " + p.label(),
                    () -> records().setDots(meetingId, p.placeId(), o.id(), now),
                    () -> records().setDots(meetingId, p.placeId(), o.id(), was)));
            Label name = new Label(o.name());
            name.setWrapText(true);
            ballot.addRow(row++, name, n);
        }
        ballot.addRow(row, new Label("Each organization has " + DOTS_PER_ORGANIZATION + " dots for all the"
                + " places."));
        TitledPane vote = new TitledPane("Dot votes by organization (" + p.dots() + ")", ballot);
        vote.setExpanded(false);

        VBox decided = new VBox(4);
        for (Object o : decisions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) o;
            if (d.get("place_id") instanceof Number id && id.longValue() == p.placeId()) {
                Label l = new Label("Decided: " + d.get("text") + (String.valueOf(d.get("reason")).isBlank() ? ""
                        : " Reason: " + d.get("reason")));
                l.setWrapText(true);
                decided.getChildren().add(l);
            }
        }
        TextField decision = new TextField();
        decision.setPromptText("decision (\"first priority for 90 days\")");
        decision.setId("place-decision-" + p.placeId());
        TextField reason = new TextField();
        reason.setPromptText("reason");
        reason.setId("place-reason-" + p.placeId());
        Button record = new Button("Record");
        record.setId("place-decide-" + p.placeId());
        record.setOnAction(e -> {
            if (decision.getText().isBlank()) {
                host.say("A decision needs its text; the reason helps the minutes.");
                return;
            }
            String text = decision.getText().strip();
            String why = reason.getText().strip();
            long[] id = {0};
            edit("the decision on " + p.label(), () -> id[0] = records().addDecision(meetingId, text, why,
                    p.placeId()), () -> records().deleteDecision(id[0]));
        });
        reason.setOnAction(record.getOnAction());
        HBox decide = new HBox(6, decision, reason, record);
        HBox.setHgrow(decision, Priority.ALWAYS);
        show(decide, editable);

        Button up = new Button("▲");
        up.setTooltip(new javafx.scene.control.Tooltip("Move up the list"));
        up.setId("place-up-" + p.placeId());
        up.setDisable(!editable || p.rank() == 1);
        up.setOnAction(e -> move(all, p, -1));
        Button down = new Button("▼");
        down.setTooltip(new javafx.scene.control.Tooltip("Move down the list"));
        down.setDisable(!editable || p.rank() == all.size());
        down.setOnAction(e -> move(all, p, 1));
        Button remove = new Button("Take off the list");
        remove.setDisable(!editable);
        remove.setOnAction(e -> {
            if (host.dialogs().confirm("Take a place off", "Take " + p.label() + " off this meeting's list?",
                    "Its votes and wordings at this meeting go; the place stays in the registry.", "Take off")) {
                List<Long> before = order();
                edit("taking " + p.label() + " off the list", () -> records().unrankPlace(meetingId, p.placeId()),
                        () -> {
                            records().rankPlace(meetingId, p.placeId(), p.rank(), p.narrative(), p.factsJson(),
                                    "edited");
                            records().reorder(meetingId, before);
                        });
            }
        });
        HBox order = new HBox(6, up, down, remove);

        VBox card = new VBox(4, title, facts, narrative, earlier, vote, decided, decide, order);
        card.getStyleClass().add("meeting-carried-item");
        card.setPadding(new Insets(6));
        return card;
    }

    /** " · discussed before: 2025-11-20 (priority 1)" for a place of the registry seen at earlier meetings. */
    private String historyText(MeetingRecords records, long placeId) throws WorkspaceException {
        List<String> before = records.history(placeId).stream().filter(h -> h.meetingId() != meetingId)
                .map(h -> h.date() + " (priority " + h.rank() + ")").toList();
        return before.isEmpty() ? "" : " · discussed before: " + String.join(", ", before);
    }

    /** A place of the registry comes back on this meeting's list, with its last wording and facts. */
    private void bringBack(MeetingRecords.Place place) {
        try {
            List<MeetingRecords.PlaceHistory> history = records().history(place.id());
            MeetingRecords.PlaceHistory last = history.isEmpty() ? null : history.get(history.size() - 1);
            String narrative = last == null ? "" : last.narrative();
            String facts = last == null ? "{}" : last.factsJson();
            edit("bringing back " + place.label(), () -> records().rankPlace(meetingId, place.id(),
                    records().rankedPlaces(meetingId).size() + 1, narrative, facts, "edited"),
                    () -> records().unrankPlace(meetingId, place.id()));
        } catch (WorkspaceException e) {
            host.dialogs().showError("Places", e.getMessage());
        }
    }

    private void saveNarrative(long placeId, String text) {
        try {
            new MeetingRecords(host.workspace()).setNarrative(meetingId, placeId, text);
            host.say("Saved.");
        } catch (WorkspaceException e) {
            host.say("NOT SAVED: " + e.getMessage() + " The narrative stays on screen; it is saved again with your"
                    + " next change.");
        }
    }

    private void move(List<MeetingRecords.RankedPlace> all, MeetingRecords.RankedPlace p, int by) {
        List<Long> before = all.stream().map(MeetingRecords.RankedPlace::placeId).toList();
        List<Long> after = new ArrayList<>(before);
        int i = after.indexOf(p.placeId());
        int j = Math.max(0, Math.min(after.size() - 1, i + by));
        after.add(j, after.remove(i));
        edit("moving " + p.label() + (by < 0 ? " up" : " down"), () -> records().reorder(meetingId, after),
                () -> records().reorder(meetingId, before));
    }

    /**
     * One edit in its own transaction (undoable for this session), then the list again; a failure is said and
     * nothing else changes.
     */
    private void edit(String what, MeetingUndo.Step redo, MeetingUndo.Step undoIt) {
        try {
            undo.perform(what, redo, undoIt);
            host.say("Saved.");
            Platform.runLater(this::refresh); // not while a spinner or button is still handling its event
        } catch (WorkspaceException e) {
            host.dialogs().showError("Places", e.getMessage());
        }
    }

    /** "highest risk · liquor stores within 400 m · 4 ha · incidents: 43". */
    static String factsText(String factsJson) {
        Map<String, Object> f = JsonTree.object(factsJson);
        List<String> parts = new ArrayList<>();
        if (f.get("risk_class") != null) {
            parts.add(f.get("risk_class") + " risk");
        }
        if (f.get("factors") instanceof List<?> factors && !factors.isEmpty()) {
            parts.add(String.join(", ", factors.stream().map(Object::toString).toList()));
        }
        if (f.get("area_ha") != null) {
            parts.add(f.get("area_ha").toString().replaceAll("\\.0$", "") + " ha");
        }
        if (f.get("incidents") != null) {
            parts.add("incidents: " + f.get("incidents"));
        }
        return String.join(" · ", parts);
    }

    // ---- picking a new place on the map ----

    /** Starts picking a place on the map (Ctrl+Shift+N). */
    void startPicking() {
        if (!editable || picker != null) {
            return;
        }
        MapPane map = host.map();
        Workspace ws = host.workspace();
        Optional<Crs> crs;
        Optional<String> run;
        try {
            crs = ws.crs();
            run = host.runOnMap().or(() -> firstRun(ws, meetingId));
        } catch (WorkspaceException | RuntimeException e) {
            host.dialogs().showError("New place", e.getMessage());
            return;
        }
        if (map == null || crs.isEmpty() || run.isEmpty()) {
            host.dialogs().showError("New place", "Places are drawn on the cells of a risk model: run one first"
                    + " (Analysis ▸ Risk model…), then pick the place's cells on the map.");
            return;
        }
        show(picking, true);
        picking.getChildren().setAll(new Label("Reading the run " + run.get() + "…"));
        String runName = run.get();
        boolean shown = host.runOnMap().isPresent();
        // reading the run and recounting events through the privacy filter takes a moment: not on the FX thread
        Thread reader = new Thread(() -> {
            try {
                PlaceDrafts drafts = PlaceDrafts.of(ws, runName).orElseThrow(() -> new WorkspaceException(
                        WorkspaceException.Reason.BAD_INPUT, ws.file(), "The run " + runName + " is gone."));
                Platform.runLater(() -> startPicking(map, drafts, crs.get(), shown));
            } catch (WorkspaceException | RuntimeException e) {
                Platform.runLater(() -> {
                    show(picking, false);
                    host.dialogs().showError("New place", e.getMessage());
                });
            }
        }, "pscdesk-place-drafts");
        reader.setDaemon(true);
        reader.start();
    }

    /** With no run on the map: the meeting's first run, else the newest saved run. */
    private static Optional<String> firstRun(Workspace ws, long meetingId) {
        try {
            List<String> discussed = new MeetingRecords(ws).runs(meetingId);
            return discussed.isEmpty() ? new RunRepository(ws).list().stream().reduce((a, b) -> b).map(r -> r.name())
                    : Optional.of(discussed.get(0));
        } catch (WorkspaceException e) {
            return Optional.empty();
        }
    }

    private void startPicking(MapPane map, PlaceDrafts drafts, Crs crs, boolean runShown) {
        if (!runShown) {
            host.showOnMap(drafts.publicRun());
        }
        Label count = new Label();
        count.setId("place-picked");
        count.setWrapText(true);
        Button whole = new Button("Whole neighbourhood");
        whole.setId("place-whole-area");
        whole.setDisable(true);
        picker = new PlacePicker(map, drafts, crs, n -> {
            count.setText(n < 0 ? "That point is outside the run's cells: click inside the study area."
                    : n == 0 ? "Click the place's cells on the map (click again to take one off; Shift + drag"
                            + " picks a box)."
                    : n + (n == 1 ? " cell picked." : " cells picked.") + " Click more, or describe the place.");
            Optional<org.pscdesk.report.AreaNames.Area> area = picker == null ? Optional.empty()
                    : picker.areaOfLastClick();
            whole.setText(area.map(a -> "Whole of " + a.name()).orElse("Whole neighbourhood"));
            whole.setDisable(area.isEmpty());
        });
        count.setText("Click the place's cells on the map (click again to take one off; Shift + drag picks a box).");
        ComboBox<PublicRun.Place> suggested = new ComboBox<>(FXCollections.observableArrayList(
                drafts.publicRun().places()));
        suggested.setId("place-suggested");
        suggested.setPromptText("or a priority place the model found");
        suggested.setConverter(Shown.as((PublicRun.Place p) -> p.rank() + ". " + p.label()));
        suggested.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                drafts.ofSuggested(now.rank()).ifPresent(this::describe);
            }
        });
        whole.setOnAction(e -> picker.draftOfArea().ifPresent(this::describe));
        Button describe = new Button("Describe the place");
        describe.setId("place-describe");
        describe.setDefaultButton(true);
        describe.setOnAction(e -> picker.draftOfCells().ifPresentOrElse(this::describe,
                () -> count.setText("Pick at least one cell of the run first.")));
        Button cancel = new Button("Cancel");
        cancel.setId("place-cancel");
        cancel.setOnAction(e -> stopPicking());
        Label heading = new Label("New place on run " + drafts.run().saved().name());
        heading.getStyleClass().add("analysis-heading");
        picking.getChildren().setAll(heading, count, suggested, new HBox(6, whole, describe, cancel));
        reveal.run();
    }

    /** The picked place, before it is added: the room names it and words its first narrative. */
    private void describe(PlaceDrafts.Draft draft) {
        if (picker != null) {
            picker.outline(draft.tableIndices()); // the map outlines the place being described
        }
        TextField label = new TextField(draft.label());
        label.setId("place-label");
        label.setPromptText("the name residents use (\"the corner at ...\")");
        Label facts = new Label(factsText(draft.factsJson()));
        facts.setWrapText(true);
        facts.getStyleClass().add("analysis-hint");
        TextArea narrative = new TextArea(draft.narrative());
        narrative.setId("place-draft-narrative");
        narrative.setWrapText(true);
        narrative.setPrefRowCount(4);
        // the draft names the place; renaming it renames the draft's first words too
        label.textProperty().addListener((o, was, now) -> {
            if (narrative.getText().startsWith(was + " is in the ")) {
                narrative.setText(now + narrative.getText().substring(was.length()));
            }
        });
        Button add = new Button("Add to this meeting's list");
        add.setId("place-add");
        add.setDefaultButton(true);
        add.setOnAction(e -> add(draft, label.getText(), narrative.getText()));
        Button back = new Button("Cancel");
        back.setOnAction(e -> stopPicking());
        Label heading = new Label("New place: " + draft.facts().get("cells") + " cells");
        heading.getStyleClass().add("analysis-heading");
        picking.getChildren().setAll(heading, new Label("Name"), label, facts, new Label("Risk narrative"
                + " (a draft from the model; the room edits it)"), narrative, new HBox(6, add, back));
        label.requestFocus();
        label.selectAll();
        reveal.run();
    }

    private void add(PlaceDrafts.Draft draft, String label, String narrative) {
        if (label.isBlank()) {
            host.say("A place needs a name the room uses.");
            return;
        }
        try {
            // the registry keeps the place whatever happens next; the meeting's list is the undoable edit
            long id = records().addPlace(label.strip(), draft.runName(), draft.cellIds(), LocalDate.now(),
                    draft.shape(), draft.origin());
            // the model's draft under the room's name is still the model's draft; anything else is the room's
            String generated = draft.narrative().startsWith(draft.label() + " is in the ")
                    ? label.strip() + draft.narrative().substring(draft.label().length()) : draft.narrative();
            edit("adding " + label.strip(), () -> {
                MeetingRecords records = records();
                records.rankPlace(meetingId, id, records.rankedPlaces(meetingId).size() + 1, generated,
                        draft.factsJson(), "generated");
                records.setNarrative(meetingId, id, narrative.strip()); // a new wording only if the room changed it
            }, () -> records().unrankPlace(meetingId, id));
        } catch (WorkspaceException e) {
            host.dialogs().showError("New place", e.getMessage());
        }
        stopPicking();
    }

    void stopPicking() {
        if (picker != null) {
            picker.stop();
            picker = null;
        }
        picking.getChildren().clear();
        show(picking, false);
    }

    /** The places as the room ranked them, one slide: rank, name, risk class and the narrative. */
    private void projectList() {
        try {
            StringBuilder text = new StringBuilder();
            for (MeetingRecords.RankedPlace p : records().rankedPlaces(meetingId)) {
                Object risk = JsonTree.object(p.factsJson()).get("risk_class");
                text.append(p.rank()).append(". ").append(p.label()).append(risk == null ? "" : " (" + risk + " risk)")
                        .append(p.dots() > 0 ? ", " + p.dots() + " dots" : "").append("\n")
                        .append(p.narrative()).append("\n\n");
            }
            host.showListOnProjector("Places to prioritize", text.isEmpty() ? "No place yet." : text.toString().strip());
        } catch (WorkspaceException e) {
            host.say(e.getMessage());
        }
    }

    /** The meeting's drawn places on the console map, replacing the earlier drawing. */
    private void drawOnMap(MeetingRecords records, List<MeetingRecords.RankedPlace> places) throws WorkspaceException {
        MapPane map = host.map();
        if (onMap != null && map != null) {
            map.removeTopLayer(onMap);
        }
        onMap = null;
        Optional<Crs> crs = host.workspace().crs();
        if (map == null || crs.isEmpty() || !mapShown) {
            return;
        }
        List<MeetingPlacesLayer.Shape> shapes = new ArrayList<>();
        for (MeetingRecords.RankedPlace p : places) {
            records.place(p.placeId()).map(MeetingRecords.Place::shape)
                    .ifPresent(g -> shapes.add(new MeetingPlacesLayer.Shape(p.rank(), p.label(), g)));
        }
        if (!shapes.isEmpty()) {
            onMap = new MeetingPlacesLayer(shapes, crs.get());
            map.addTopLayer(onMap);
        }
    }

    /** Shows or takes off the meeting's places on the console map (the panel opens or closes). */
    void showOnMap(boolean shown) {
        mapShown = shown;
        if (!shown && onMap != null && host.map() != null) {
            host.map().removeTopLayer(onMap);
            onMap = null;
        } else if (shown && meetingId != 0) {
            refresh();
        }
    }

    /** Told after every refresh of the list (the programs matrix follows the places). */
    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** How the panel scrolls the picking card into view. */
    void setReveal(Runnable reveal) {
        this.reveal = reveal;
    }

    /** The picker while picking (tests click through it). */
    PlacePicker picker() {
        return picker;
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
