package org.pscdesk.ui.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.pscdesk.store.Workspace;

/**
 * The workspace's history (its audit log): who changed what and when — imports, runs, meeting edits, exports,
 * finalization, restores — newest first, with a filter. Read-only: the log is written only with the changes.
 */
final class AuditLogWindow {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private AuditLogWindow() {
    }

    static Stage show(Window owner, String workspaceName, List<Workspace.AuditEntry> entries) {
        List<Workspace.AuditEntry> newestFirst = new java.util.ArrayList<>(entries);
        java.util.Collections.reverse(newestFirst);
        FilteredList<Workspace.AuditEntry> shown = new FilteredList<>(FXCollections.observableArrayList(newestFirst));
        TableView<Workspace.AuditEntry> table = new TableView<>(shown);
        table.setId("audit-table");
        table.getColumns().add(column("When", 150, e -> when(e.at())));
        table.getColumns().add(column("Who", 110, Workspace.AuditEntry::who));
        table.getColumns().add(column("What", 90, Workspace.AuditEntry::action));
        table.getColumns().add(column("Detail", 520, Workspace.AuditEntry::detail));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextField filter = new TextField();
        filter.setId("audit-filter");
        filter.setPromptText("filter: a word, a meeting number, a layer, a person's account…");
        Label count = new Label();
        Runnable recount = () -> count.setText(shown.size() + " of " + newestFirst.size() + " changes");
        filter.textProperty().addListener((o, was, now) -> {
            String q = now.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(q.isEmpty() ? null : e -> (when(e.at()) + " " + e.who() + " " + e.action() + " "
                    + e.detail()).toLowerCase(Locale.ROOT).contains(q));
            recount.run();
        });
        recount.run();
        Label note = new Label("Every change to " + workspaceName + " is written here in the same step as the change;"
                + " times are this computer's.");
        note.setWrapText(true);
        VBox root = new VBox(8, note, filter, table, count);
        root.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("History of " + workspaceName);
        stage.setScene(new Scene(root, 900, 560));
        stage.show();
        return stage;
    }

    private static String when(String iso) {
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private static TableColumn<Workspace.AuditEntry, String> column(String title, double width,
            java.util.function.Function<Workspace.AuditEntry, String> value) {
        TableColumn<Workspace.AuditEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
