package org.pscdesk.ui.meeting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import org.pscdesk.meeting.Meeting;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.SavedRun;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.Shown;

/**
 * A meeting's title, date, place and facilitator, and the RTM runs it discusses; saved as typed like the
 * notes. Collapsed by default: it is set once, before the room arrives.
 */
final class DetailsSection extends TitledPane {

    private final TextField title = new TextField();
    private final DatePicker date = new DatePicker();
    private final TextField location = new TextField();
    private final TextField facilitator = new TextField();
    private final FlowPane runs = new FlowPane(8, 4);
    private final javafx.scene.control.ComboBox<org.pscdesk.meeting.Body> body = new javafx.scene.control.ComboBox<>();
    private final PauseTransition autosave = new PauseTransition(MeetingPanel.AUTOSAVE_DELAY);
    private final java.util.function.Supplier<Workspace> workspace;
    private final Consumer<String> say;
    private final Runnable titleChanged;
    private long meetingId;
    private boolean loading;

    DetailsSection(java.util.function.Supplier<Workspace> workspace, Consumer<String> say, Runnable titleChanged) {
        this.workspace = workspace;
        this.say = say;
        this.titleChanged = titleChanged;
        setText("Meeting details: title, date, place, facilitator, body, runs");
        setExpanded(false);
        setId("meeting-details");
        title.setId("meeting-title");
        date.setId("meeting-date");
        location.setId("meeting-location");
        location.setPromptText("where the room meets");
        facilitator.setId("meeting-facilitator");
        facilitator.setPromptText("who runs the meeting (not printed in the public minutes)");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, label("Title"), title);
        grid.addRow(1, label("Date"), date);
        grid.addRow(2, label("Place"), location);
        grid.addRow(3, label("Facilitator"), facilitator);
        grid.addRow(4, label("Body"), body);
        grid.addRow(5, label("Runs"), runs);
        body.setId("meeting-body");
        body.setConverter(Shown.as((org.pscdesk.meeting.Body b) -> b.name()
                + (b.kind() == org.pscdesk.meeting.BodyKind.WORKING_GROUP ? " (working group)" : "")));
        body.valueProperty().addListener((o, was, now) -> {
            if (!loading && now != null) {
                try {
                    new MeetingRecords(workspace.get()).setBody(meetingId, now.id());
                    say.accept("Saved.");
                } catch (WorkspaceException e) {
                    say.accept("NOT SAVED: " + e.getMessage());
                }
            }
        });
        GridPane.setHgrow(title, Priority.ALWAYS);
        setContent(grid);
        autosave.setOnFinished(e -> save());
        for (TextField f : List.of(title, location, facilitator)) {
            f.textProperty().addListener((o, was, now) -> changed());
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    saveIfPending();
                }
            });
        }
        date.valueProperty().addListener((o, was, now) -> changed());
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "F..." for Facilitator
        return l;
    }

    void load(Meeting m, boolean editable) throws WorkspaceException {
        loading = true;
        try {
            autosave.stop();
            meetingId = m.id();
            title.setText(m.title());
            date.setValue(m.heldOn());
            location.setText(m.location() == null ? "" : m.location());
            facilitator.setText(m.facilitator() == null ? "" : m.facilitator());
            body.setItems(javafx.collections.FXCollections.observableArrayList(
                    new org.pscdesk.store.DirectoryRepository(workspace.get()).bodies()));
            body.getItems().stream().filter(b -> b.id() == m.bodyId()).findFirst().ifPresent(body::setValue);
            body.setDisable(!editable);
            Set<String> chosen = new HashSet<>(new MeetingRecords(workspace.get()).runs(m.id()));
            runs.getChildren().clear();
            for (SavedRun r : new RunRepository(workspace.get()).list()) {
                CheckBox box = new CheckBox(r.name());
                box.setSelected(chosen.contains(r.name()));
                box.setDisable(!editable);
                box.selectedProperty().addListener((o, was, now) -> saveRuns());
                runs.getChildren().add(box);
            }
            for (javafx.scene.control.Control c : List.of(title, date, location, facilitator)) {
                c.setDisable(!editable);
            }
        } finally {
            loading = false;
        }
    }

    private void changed() {
        if (!loading) {
            say.accept("…");
            autosave.playFromStart();
        }
    }

    /** The facilitator as typed (a person's name: left out of what the public sees). */
    String facilitator() {
        return facilitator.getText();
    }

    /** Saves what is still waiting for its autosave (the panel closes, another meeting is opened). */
    void saveIfPending() {
        if (autosave.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            autosave.stop();
            save();
        }
    }

    private void save() {
        if (title.getText().isBlank() || date.getValue() == null) {
            say.accept("A meeting needs a title and a date; the rest is saved when they are there.");
            return;
        }
        try {
            new MeetingRecords(workspace.get()).setDetails(meetingId, title.getText(), date.getValue(),
                    location.getText(), facilitator.getText());
            say.accept("Saved.");
            titleChanged.run();
        } catch (WorkspaceException | RuntimeException e) {
            say.accept("NOT SAVED: " + e.getMessage() + " The details stay on screen; they are saved again with your"
                    + " next change.");
        }
    }

    private void saveRuns() {
        if (loading) {
            return;
        }
        List<String> names = new ArrayList<>();
        runs.getChildren().forEach(n -> {
            if (n instanceof CheckBox c && c.isSelected()) {
                names.add(c.getText());
            }
        });
        try {
            new MeetingRecords(workspace.get()).setRuns(meetingId, names);
            say.accept("Saved.");
        } catch (WorkspaceException e) {
            say.accept("NOT SAVED: " + e.getMessage());
        }
    }
}
