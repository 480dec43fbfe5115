package org.pscdesk.ui.meeting;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.pscdesk.meeting.Organization;
import org.pscdesk.meeting.Program;
import org.pscdesk.report.CoordinationMatrix;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.Shown;

/**
 * Who does what where: the meeting's place × program matrix (each cell the organization, dosage and start of a
 * commitment), its gaps in plain sentences (a priority place with no program; a risk factor no program in the
 * catalog addresses), and the form that records a commitment — undoable like the room's other edits.
 */
final class ProgramsSection extends VBox {

    private final Supplier<Workspace> workspace;
    private final Supplier<DialogService> dialogs;
    private final Consumer<String> say;
    private final MeetingUndo undo;
    private final GridPane grid = new GridPane();
    private final VBox gaps = new VBox(4);
    private final ComboBox<MeetingRecords.RankedPlace> place = new ComboBox<>();
    private final ComboBox<Program> program = new ComboBox<>();
    private final ComboBox<Organization> organization = new ComboBox<>();
    private final DatePicker start = new DatePicker();
    private final TextField dosage = new TextField();
    private final VBox form;
    private long meetingId;
    private boolean editable;

    ProgramsSection(Supplier<Workspace> workspace, Supplier<DialogService> dialogs, Consumer<String> say,
                    MeetingUndo undo) {
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.say = say;
        this.undo = undo;
        setId("meeting-programs");
        setSpacing(6);
        Label heading = new Label("Who does what where");
        heading.getStyleClass().add("analysis-heading");
        grid.setId("matrix-grid");
        grid.setHgap(1);
        grid.setVgap(1);
        grid.getStyleClass().add("matrix-grid");
        // many programs scroll sideways inside the matrix; the panel itself keeps its width
        ScrollPane wide = new ScrollPane(grid);
        wide.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        wide.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        wide.setPrefWidth(100);
        wide.setMaxWidth(Double.MAX_VALUE);
        wide.setMinViewportHeight(40);
        wide.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        grid.heightProperty().addListener((o, was, now) -> wide.setPrefViewportHeight(now.doubleValue()));
        gaps.setId("matrix-gaps");

        place.setId("commit-place");
        place.setPromptText("place");
        place.setConverter(Shown.as(p -> p.rank() + ". " + p.label()));
        program.setId("commit-program");
        program.setPromptText("program");
        program.setConverter(Shown.as(Program::name));
        organization.setId("commit-organization");
        organization.setPromptText("organization");
        organization.setConverter(Shown.as(Organization::name));
        program.valueProperty().addListener((o, was, now) -> {
            if (now != null) { // the program's owner is the usual answer
                organization.getItems().stream().filter(org -> org.id() == now.ownerOrgId()).findFirst()
                        .ifPresent(organization::setValue);
            }
        });
        start.setPromptText("starts");
        start.setId("commit-start");
        dosage.setPromptText("how much (\"weekly for 12 weeks\")");
        dosage.setId("commit-dosage");
        Button add = new Button("Record commitment");
        add.setId("commit-add");
        add.setOnAction(e -> commit());
        dosage.setOnAction(e -> commit());
        Label formTitle = new Label("New commitment");
        formTitle.getStyleClass().add("analysis-heading");
        for (javafx.scene.control.Control c : List.of(place, program, organization)) {
            c.setPrefWidth(200);
            c.setMaxWidth(200); // a long name must not widen the panel
        }
        FlowPane fields = new FlowPane(6, 6, place, program, organization, start, dosage, add);
        form = new VBox(4, formTitle, fields);
        getChildren().setAll(heading, wide, gaps, form, catalogForm());
    }

    private final TextField newName = new TextField();
    private final ComboBox<Organization> newOwner = new ComboBox<>();
    private final ComboBox<org.pscdesk.meeting.ProgramType> newType = new ComboBox<>(FXCollections.observableArrayList(
            org.pscdesk.meeting.ProgramType.values()));
    private final FlowPane newFactors = new FlowPane(8, 4);
    private final TextField newCapacity = new TextField();
    private javafx.scene.control.TitledPane catalog;

    /** A program new to the catalog: who runs it, what kind, which risk factors it addresses, its capacity. */
    private javafx.scene.control.TitledPane catalogForm() {
        newName.setId("program-new-name");
        newName.setPromptText("program name");
        newOwner.setPromptText("run by");
        newOwner.setConverter(Shown.as(Organization::name));
        newOwner.setPrefWidth(200);
        newType.setPromptText("kind");
        newType.setConverter(Shown.as(t -> t.key().replace('_', ' ')));
        newCapacity.setPromptText("capacity (\"40 inspections a month\")");
        Button add = new Button("Add to the catalog");
        add.setId("program-new-add");
        add.setOnAction(e -> addProgram());
        VBox box = new VBox(6, newName, new FlowPane(6, 6, newOwner, newType), new Label("Risk factors it addresses:"),
                newFactors, newCapacity, add);
        catalog = new javafx.scene.control.TitledPane("Add a program to the catalog", box);
        catalog.setExpanded(false);
        return catalog;
    }

    private void addProgram() {
        String name = newName.getText().strip();
        if (name.isEmpty() || newOwner.getValue() == null || newType.getValue() == null) {
            say.accept("A program needs a name, who runs it and what kind it is.");
            return;
        }
        List<String> factors = newFactors.getChildren().stream()
                .filter(n -> n instanceof javafx.scene.control.CheckBox c && c.isSelected())
                .map(n -> (String) n.getUserData()).toList();
        try {
            DirectoryRepository directory = new DirectoryRepository(workspace.get());
            if (directory.programs().stream().anyMatch(p -> p.name().equalsIgnoreCase(name))) {
                say.accept(name + " is already in the catalog.");
                return;
            }
            Program p = directory.addProgram(new Program(name, newOwner.getValue().id(), newType.getValue(), "",
                    factors, newCapacity.getText().isBlank() ? null : newCapacity.getText().strip()));
            program.getItems().add(p);
            program.setValue(p);
            newName.clear();
            newCapacity.clear();
            catalog.setExpanded(false);
            say.accept(p.name() + " added to the catalog.");
            refresh(); // a factor it addresses is no longer a gap
        } catch (WorkspaceException | IllegalArgumentException e) {
            dialogs.get().showError("New program", e.getMessage());
        }
    }

    void load(long meeting, boolean canEdit) {
        meetingId = meeting;
        editable = canEdit;
        form.setVisible(canEdit);
        form.setManaged(canEdit);
        refresh();
    }

    /** The matrix and the form's choices again (a place was added, a commitment recorded, an edit undone). */
    void refresh() {
        grid.getChildren().clear();
        gaps.getChildren().clear();
        if (meetingId == 0) {
            return;
        }
        try {
            Workspace ws = workspace.get();
            CoordinationMatrix matrix = CoordinationMatrix.of(ws, meetingId);
            grid.add(cell("Place", "matrix-head"), 0, 0);
            for (int c = 0; c < matrix.programs().size(); c++) {
                grid.add(cell(matrix.programs().get(c), "matrix-head"), c + 1, 0);
            }
            int r = 1;
            for (CoordinationMatrix.Row row : matrix.rows()) {
                grid.add(cell(row.rankedLabel(), "matrix-place"), 0, r);
                if (row.isGap()) {
                    Label gap = cell(CoordinationMatrix.NO_PROGRAM, "matrix-gap");
                    grid.add(gap, 1, r, Math.max(1, matrix.programs().size()), 1);
                } else {
                    for (int c = 0; c < matrix.programs().size(); c++) {
                        grid.add(cell(row.cellText(c), "matrix-cell"), c + 1, r);
                    }
                }
                r++;
            }
            if (matrix.rows().isEmpty()) {
                grid.add(cell("No place and no commitment yet.", "matrix-cell"), 0, 1);
            }
            for (String gap : matrix.gaps()) {
                Label l = new Label("Gap: " + gap);
                l.setWrapText(true);
                l.getStyleClass().add("matrix-gap-text");
                gaps.getChildren().add(l);
            }
            MeetingRecords.RankedPlace chosen = place.getValue();
            place.setItems(FXCollections.observableArrayList(new MeetingRecords(ws).rankedPlaces(meetingId)));
            place.getItems().stream().filter(p -> chosen != null && p.placeId() == chosen.placeId()).findFirst()
                    .ifPresent(place::setValue);
            DirectoryRepository directory = new DirectoryRepository(ws);
            program.setItems(FXCollections.observableArrayList(directory.programs()));
            organization.setItems(FXCollections.observableArrayList(directory.organizations()));
            newOwner.setItems(organization.getItems());
            if (newFactors.getChildren().isEmpty()) {
                for (org.pscdesk.store.LayerInfo l : ws.layers()) {
                    if (l.role() == org.pscdesk.store.LayerRole.FACTOR) {
                        javafx.scene.control.CheckBox c = new javafx.scene.control.CheckBox(l.title());
                        c.setUserData(l.name());
                        newFactors.getChildren().add(c);
                    }
                }
            }
            catalog.setVisible(editable);
            catalog.setManaged(editable);
        } catch (WorkspaceException e) {
            say.accept(e.getMessage());
        }
    }

    private void commit() {
        if (!editable) {
            return;
        }
        Program p = program.getValue();
        Organization o = organization.getValue();
        if (p == null || o == null) {
            say.accept("A commitment needs a program and the organization that delivers it.");
            return;
        }
        Long placeId = Optional.ofNullable(place.getValue()).map(MeetingRecords.RankedPlace::placeId).orElse(null);
        String where = place.getValue() == null ? "no single place" : place.getValue().label();
        java.time.LocalDate from = start.getValue();
        String how = dosage.getText().isBlank() ? null : dosage.getText().strip();
        long[] id = {0};
        try {
            undo.perform(p.name() + " at " + where, () -> id[0] = new MeetingRecords(workspace.get())
                    .addCommitment(meetingId, placeId, p.id(), o.id(), from, how),
                    () -> new MeetingRecords(workspace.get()).deleteCommitment(id[0]));
            say.accept("Saved.");
            dosage.clear();
            start.setValue(null);
            refresh();
        } catch (WorkspaceException e) {
            dialogs.get().showError("Commitment", e.getMessage());
        }
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinWidth(110);
        l.setPrefWidth(150);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setPadding(new Insets(4));
        l.getStyleClass().add(style);
        return l;
    }


    List<String> gapTexts() {
        return gaps.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
