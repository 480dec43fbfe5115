package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import org.pscdesk.analysis.JsonTree;

import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.meeting.MeetingPanel;
import org.pscdesk.ui.map.MapPane;

import org.testfx.util.WaitForAsyncUtils;

/**
 * A place made the way a broker makes one in the room: Ctrl+Shift+N, a click on the map, a priority place the
 * model found, a name residents use, the narrative edited, dot votes and a decision; every step is in the store
 * when the screen says so. Also the meeting's details, saved as typed.
 */
class MeetingPlacesTest extends DemoAppTests {

    private void waitSaved() throws Exception {
        waitFor(() -> ((Label) robot.lookup("#meeting-saved").query()).getText().equals("Saved."));
    }

    @Test
    void aPlaceIsPickedOnTheMapNamedWordedVotedAndDecided() throws Exception {
        PscDeskApp app = AppTests.start(demo);
        try {
            MeetingPanel panel = newMeeting(app);
            long meeting = fx(panel::meetingId);
            Workspace ws = fx(() -> app.model().current().workspace());

            // the meeting's details, saved as typed
            fx(() -> {
                javafx.scene.control.TitledPane details = (javafx.scene.control.TitledPane) robot.lookup(
                        "#meeting-details").query();
                details.setAnimated(false); // opened at once, so the robot clicks where the field is
                details.setExpanded(true);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#meeting-facilitator").write("Jo Broker");
            waitFor(() -> "Jo Broker".equals(JsonTree.object(new MeetingRecords(ws).json(meeting).orElseThrow())
                    .get("facilitator")));

            // Ctrl+Shift+N from the notes: the run is read in the background, then the map takes clicks
            robot.clickOn("#meeting-notes");
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
            waitFor(() -> robot.lookup("#place-picked").tryQuery().isPresent());
            MapPane map = fx(() -> app.view().mapPane().orElseThrow());
            Bounds b = fx(() -> map.localToScreen(map.getBoundsInLocal()));
            if (fx(() -> robot.lookup("#welcome-close").tryQuery().isPresent())) {
                robot.clickOn("#welcome-close"); // first start: the welcome card sits over the map
            }
            robot.clickOn(b.getCenterX(), b.getCenterY());
            waitFor(() -> ((Label) robot.lookup("#place-picked").query()).getText().startsWith("1 cell picked"));
            assertEquals(1, (int) fx(() -> robot.lookup(".picked-cell").queryAll().size()), "outlined on the map");
            robot.clickOn(b.getCenterX() + 40, b.getCenterY()); // the next cells east, as a broker would click
            robot.clickOn(b.getCenterX() + 80, b.getCenterY());
            waitFor(() -> robot.lookup(".picked-cell").queryAll().size() == 3);
            AppTests.screenshot(app, "1-picking-cells");
            robot.clickOn(b.getCenterX() + 80, b.getCenterY()); // a second click takes a cell off
            waitFor(() -> robot.lookup(".picked-cell").queryAll().size() == 2);
            // Shift + drag picks a box of cells at once, and the map does not pan meanwhile
            javafx.geometry.Point2D before = fx(() -> map.lonLatAt(map.getWidth() / 2, map.getHeight() / 2));
            robot.press(KeyCode.SHIFT);
            robot.drag(b.getCenterX() - 20, b.getCenterY() + 40, javafx.scene.input.MouseButton.PRIMARY)
                    .moveTo(b.getCenterX() + 60, b.getCenterY() + 100).release(javafx.scene.input.MouseButton.PRIMARY);
            robot.release(KeyCode.SHIFT);
            waitFor(() -> robot.lookup(".picked-cell").queryAll().size() > 6);
            assertEquals(before, fx(() -> map.lonLatAt(map.getWidth() / 2, map.getHeight() / 2)), "no pan");

            // then the room prefers the model's first priority place
            fx(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<Object> suggested = (ComboBox<Object>) robot.lookup("#place-suggested").query();
                suggested.getSelectionModel().select(0);
                return null;
            });
            waitFor(() -> robot.lookup("#place-label").tryQuery().isPresent());
            String draft = fx(() -> ((TextArea) robot.lookup("#place-draft-narrative").query()).getText());
            AppTests.screenshot(app, "2-describing-the-place");
            assertTrue(draft.contains(" risk class") && draft.contains("Incidents recorded here:"), draft);
            String suggestedName = fx(() -> ((TextField) robot.lookup("#place-label").query()).getText());
            assertTrue(draft.startsWith(suggestedName + " is in the "), draft);
            fx(() -> {
                ((TextField) robot.lookup("#place-label").query()).setText("the corner at Union & Westgate");
                return null;
            });
            assertEquals("the corner at Union & Westgate" + draft.substring(suggestedName.length()),
                    fx(() -> ((TextArea) robot.lookup("#place-draft-narrative").query()).getText()),
                    "the draft follows the name the room gives");
            String renamed = fx(() -> ((TextArea) robot.lookup("#place-draft-narrative").query()).getText());
            fire("#place-add");
            waitFor(() -> new MeetingRecords(ws).rankedPlaces(meeting).size() == 1);
            MeetingRecords.RankedPlace place = new MeetingRecords(ws).rankedPlaces(meeting).get(0);
            assertEquals("the corner at Union & Westgate", place.label());
            assertEquals(renamed, place.narrative());
            MeetingRecords.Place stored = new MeetingRecords(ws).place(place.placeId()).orElseThrow();
            assertEquals("cells", stored.origin());
            assertNotNull(stored.shape(), "the place keeps its outline");
            assertTrue(stored.shape().getArea() > 0);
            assertEquals("nov-2025", JsonTree.object(place.factsJson()).get("run"));
            waitFor(() -> robot.lookup(".meeting-place-tag").queryAll().stream()
                    .anyMatch(n -> ((Label) n).getText().equals("1. the corner at Union & Westgate")));
            assertTrue(fx(() -> robot.lookup(".meeting-place-outline").queryAll().size()) >= 1,
                    "the room's place is drawn on the console map");

            // one click puts the console's map on the projector, and the minutes will print it
            fire("#meeting-project-map");
            waitFor(() -> app.view().projectorWindow().isPresent());
            List<Object> views = JsonTree.list(JsonTree.object(new MeetingRecords(ws).json(meeting).orElseThrow()),
                    "map_views");
            assertEquals(1, views.size(), views.toString());
            assertEquals("places", ((Map<?, ?>) views.get(0)).get("view"));
            fx(() -> {
                app.view().projectorWindow().orElseThrow().close();
                return null;
            });

            // the room rewords the narrative: saved as typed, both wordings kept
            String narrativeId = "#place-narrative-" + place.placeId();
            waitFor(() -> robot.lookup(narrativeId).tryQuery().isPresent());
            fx(() -> {
                TextArea area = (TextArea) robot.lookup(narrativeId).query();
                area.requestFocus(); // the card may sit below the fold of the panel: type where the focus is
                area.end();
                return null;
            });
            robot.write(" Neighbours ask for lights.");
            waitFor(() -> new MeetingRecords(ws).narrativeVersions(meeting, place.placeId()).size() == 2);
            waitSaved();
            List<MeetingRecords.NarrativeVersion> versions = new MeetingRecords(ws).narrativeVersions(meeting,
                    place.placeId());
            assertEquals(List.of("generated", "edited"), versions.stream().map(MeetingRecords.NarrativeVersion::origin)
                    .toList());
            assertTrue(versions.get(1).narrative().endsWith("Neighbours ask for lights."), versions.toString());

            // dot votes by organization
            long org = fx(() -> {
                @SuppressWarnings("unchecked")
                Spinner<Integer> dots = (Spinner<Integer>) robot.lookup(n -> n.getId() != null
                        && n.getId().startsWith("place-dots-" + place.placeId() + "-")).query();
                assertEquals(5, ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory)
                        dots.getValueFactory()).getMax(), "five dots per organization for all the places");
                dots.getValueFactory().setValue(3);
                return Long.parseLong(dots.getId().substring(dots.getId().lastIndexOf('-') + 1));
            });
            waitFor(() -> Map.of(org, 3).equals(new MeetingRecords(ws).votes(meeting).get(place.placeId())));

            // and a decision with its reason
            waitFor(() -> robot.lookup("#place-decision-" + place.placeId()).tryQuery().isPresent());
            fx(() -> {
                ((TextField) robot.lookup("#place-decision-" + place.placeId()).query()).setText("First priority");
                ((TextField) robot.lookup("#place-reason-" + place.placeId()).query()).setText("highest risk");
                return null;
            });
            fire("#place-decide-" + place.placeId());
            Map<String, Object> record = JsonTree.object(new MeetingRecords(ws).json(meeting).orElseThrow());
            @SuppressWarnings("unchecked")
            Map<String, Object> decision = (Map<String, Object>) JsonTree.list(record, "decisions").get(0);
            assertEquals("First priority", decision.get("text"));
            assertEquals(place.placeId(), ((Number) decision.get("place_id")).longValue());
            assertTrue(ws.auditLog().stream().anyMatch(e -> e.detail().equals("meeting " + meeting
                    + ": narrative of place " + place.placeId())), "the edit is in the audit log");

            // who does what where: the new place is a gap until a program is committed to it
            waitFor(() -> SceneTexts.of(robot.lookup("#matrix-gaps").query()).stream()
                    .anyMatch(t -> t.contains("the corner at Union & Westgate (priority 1) has no program yet")));
            fx(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<Object> where = (ComboBox<Object>) robot.lookup("#commit-place").query();
                where.getSelectionModel().select(0);
                @SuppressWarnings("unchecked")
                ComboBox<org.pscdesk.meeting.Program> what = (ComboBox<org.pscdesk.meeting.Program>) robot.lookup(
                        "#commit-program").query();
                what.getItems().stream().filter(p -> p.name().equals("Vacant lot clean and green")).findFirst()
                        .ifPresent(what::setValue);
                ((TextField) robot.lookup("#commit-dosage").query()).setText("8 lots by June");
                return null;
            });
            fire("#commit-add");
            @SuppressWarnings("unchecked")
            Map<String, Object> commitment = (Map<String, Object>) JsonTree.list(JsonTree.object(new MeetingRecords(ws)
                    .json(meeting).orElseThrow()), "commitments").get(0);
            assertEquals("Riverbend Land Bank", commitment.get("organization"), "the program's owner by default");
            assertEquals(place.placeId(), ((Number) commitment.get("place_id")).longValue());
            String grid = fx(() -> String.join(" | ", SceneTexts.of(robot.lookup("#matrix-grid").query())));
            assertTrue(grid.contains("Vacant lot clean and green") && grid.contains("Riverbend Land Bank: 8 lots by June"),
                    grid);
            assertTrue(fx(() -> SceneTexts.of(robot.lookup("#matrix-gaps").query()).stream()
                    .noneMatch(t -> t.contains("Union & Westgate"))), "no longer a gap");
            fire("#meeting-undo"); // a commitment recorded by mistake
            assertEquals(0, JsonTree.list(JsonTree.object(new MeetingRecords(ws).json(meeting).orElseThrow()),
                    "commitments").size());
            fire("#meeting-redo");

            AppTests.screenshot(app, "3-place-voted-and-decided");
            // undo and redo of the room's edits: the commitment and the decision go, come back; then the dots go
            fire("#meeting-undo");
            fire("#meeting-undo");
            assertEquals(0, JsonTree.list(JsonTree.object(new MeetingRecords(ws).json(meeting).orElseThrow()),
                    "decisions").size(), "undone");
            fire("#meeting-redo");
            assertEquals(1, JsonTree.list(JsonTree.object(new MeetingRecords(ws).json(meeting).orElseThrow()),
                    "decisions").size(), "redone");
            fire("#meeting-redo");
            for (int i = 0; i < 3; i++) { // commitment, decision, dots
                fire("#meeting-undo");
            }
            assertTrue(new MeetingRecords(ws).votes(meeting).isEmpty(), "the dots are undone too");
            for (int i = 0; i < 3; i++) {
                fire("#meeting-redo");
            }
            assertEquals(Map.of(org, 3), new MeetingRecords(ws).votes(meeting).get(place.placeId()));

            // the wall is public: typed notes and the places list pass the privacy filter on their way there
            fx(() -> {
                ((TextArea) robot.lookup("#meeting-notes").query()).setText("Call Jo Broker at 314-555-0188 or"
                        + " jo@example.org; 7 incidents at the corner last month.");
                return null;
            });
            fire("#meeting-project");
            javafx.stage.Stage wallStage = fx(() -> app.view().projectorWindow().orElseThrow().stage());
            String wall = fx(() -> String.join(" ", SceneTexts.of(wallStage.getScene().getRoot())));
            assertTrue(!wall.contains("Jo Broker") && !wall.contains("555-0188") && !wall.contains("jo@example.org")
                    && !wall.contains("7 incidents"), wall);
            assertTrue(wall.contains("fewer than 11"), wall);
            fire("#place-project");
            String list = fx(() -> String.join(" ", SceneTexts.of(wallStage.getScene().getRoot())));
            assertTrue(list.contains("1. the corner at Union & Westgate"), list);
            fx(() -> {
                app.view().projectorWindow().orElseThrow().close();
                return null;
            });

            // Meeting ▸ Workspace history… lists the log, newest first, and filters it
            fx(() -> {
                app.view().menuItem("menu-history").orElseThrow().fire();
                return null;
            });
            javafx.stage.Stage history = fx(() -> app.view().historyWindow().orElseThrow());
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<Workspace.AuditEntry> table = fx(() ->
                    (javafx.scene.control.TableView<Workspace.AuditEntry>) history.getScene().lookup("#audit-table"));
            assertEquals(ws.auditLog().size(), (int) fx(() -> table.getItems().size()));
            List<String> times = fx(() -> table.getItems().stream().map(Workspace.AuditEntry::at).toList());
            List<String> newestFirst = new java.util.ArrayList<>(times);
            newestFirst.sort(java.util.Comparator.reverseOrder());
            assertEquals(newestFirst, times, "newest first");
            assertTrue(fx(() -> table.getItems().stream().anyMatch(e -> e.detail().contains("commitment"))));
            fx(() -> {
                ((TextField) history.getScene().lookup("#audit-filter")).setText("narrative of place");
                return null;
            });
            assertEquals(1, (int) fx(() -> table.getItems().size()), "one line for a run of typing");
            fx(() -> {
                history.close();
                return null;
            });
        } finally {
            AppTests.stop(app);
        }
    }

    @Test
    void aNewPartnerAWorkingGroupAndANewProgramAreRecordedFromTheRoom() throws Exception {
        PscDeskApp app = AppTests.start(demo);
        try {
            MeetingPanel panel = newMeeting(app);
            long meeting = fx(panel::meetingId);
            Workspace ws = fx(() -> app.model().current().workspace());

            // prepared as a draft, started when the room meets (with a snapshot)
            assertEquals("draft", status(ws, meeting));
            fire("#meeting-start");
            assertEquals("in_progress", status(ws, meeting));
            assertTrue(new org.pscdesk.store.Snapshots(ws).list().stream()
                    .anyMatch(snap -> snap.reason().equals("meeting-start")), "a snapshot at the start");

            fx(() -> {
                ((TextField) robot.lookup("#org-new-name").query()).setText("Westgate Tenants Union");
                @SuppressWarnings("unchecked")
                ComboBox<org.pscdesk.meeting.Sector> sector = (ComboBox<org.pscdesk.meeting.Sector>) robot.lookup(
                        "#org-new-sector").query();
                sector.setValue(org.pscdesk.meeting.Sector.RESIDENT_GROUP);
                return null;
            });
            fire("#org-new-add");
            org.pscdesk.meeting.Organization tenants = new org.pscdesk.store.DirectoryRepository(ws).organizations()
                    .stream().filter(o -> o.name().equals("Westgate Tenants Union")).findFirst().orElseThrow();
            assertEquals(org.pscdesk.meeting.Sector.RESIDENT_GROUP, tenants.sector());
            assertTrue(new org.pscdesk.store.MeetingRepository(ws).attendance(meeting).contains(tenants.id()),
                    "a partner added in the room is present");

            org.pscdesk.meeting.Body group = new org.pscdesk.store.DirectoryRepository(ws).bodies().stream()
                    .filter(b -> b.kind() == org.pscdesk.meeting.BodyKind.WORKING_GROUP).findFirst().orElseThrow();
            fx(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<org.pscdesk.meeting.Body> body = (ComboBox<org.pscdesk.meeting.Body>) robot.lookup(
                        "#meeting-body").query();
                body.getItems().stream().filter(b -> b.id() == group.id()).findFirst().ifPresent(body::setValue);
                return null;
            });
            assertEquals(group.id(), new org.pscdesk.store.MeetingRepository(ws).meetings().stream()
                    .filter(m -> m.id() == meeting).findFirst().orElseThrow().bodyId(), "the meeting moved to " + group);

            fx(() -> {
                ((TextField) robot.lookup("#program-new-name").query()).setText("Tenant safety walks");
                javafx.scene.Node form = robot.lookup("#program-new-name").query().getParent();
                @SuppressWarnings("unchecked")
                List<ComboBox<Object>> boxes = form.lookupAll(".combo-box").stream().map(n -> (ComboBox<Object>) n)
                        .toList();
                boxes.get(0).getItems().stream().filter(o -> ((org.pscdesk.meeting.Organization) o).id()
                        == tenants.id()).findFirst().ifPresent(boxes.get(0)::setValue);
                boxes.get(1).setValue(org.pscdesk.meeting.ProgramType.OUTREACH);
                form.lookupAll(".check-box").stream().map(n -> (javafx.scene.control.CheckBox) n)
                        .filter(c -> "vacant_lots".equals(c.getUserData())).findFirst().orElseThrow().setSelected(true);
                return null;
            });
            fire("#program-new-add");
            org.pscdesk.meeting.Program walks = new org.pscdesk.store.DirectoryRepository(ws).programs().stream()
                    .filter(p -> p.name().equals("Tenant safety walks")).findFirst().orElseThrow();
            assertEquals(List.of("vacant_lots"), walks.factors());
            assertEquals(tenants.id(), walks.ownerOrgId());
            assertTrue(ws.auditLog().stream().anyMatch(e -> e.detail().contains("Tenant safety walks")));

            // a place of the registry comes back from November with its wording, and its history shows
            fx(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<MeetingRecords.Place> earlier = (ComboBox<MeetingRecords.Place>) robot.lookup(
                        "#place-earlier").query();
                earlier.getItems().stream().filter(p -> p.label().startsWith("Old Mill")).findFirst()
                        .ifPresent(earlier::setValue);
                return null;
            });
            waitFor(() -> new MeetingRecords(ws).rankedPlaces(meeting).size() == 1);
            MeetingRecords.RankedPlace oldMill = new MeetingRecords(ws).rankedPlaces(meeting).get(0);
            assertTrue(oldMill.narrative().startsWith("A block of empty lots"), oldMill.narrative());
            waitFor(() -> SceneTexts.of(robot.lookup("#meeting-places").query()).stream()
                    .anyMatch(t -> t.contains("discussed before: 2025-11-20 (priority 1)")));

            // an action item tied to that place and a program
            fx(() -> {
                ((javafx.scene.control.ToggleButton) robot.lookup("#step-tasks").query()).fire();
                ((TextField) robot.lookup("#meeting-item-text").query()).setText("Walk the lots with the tenants.");
                @SuppressWarnings("unchecked")
                ComboBox<org.pscdesk.meeting.Organization> owner = (ComboBox<org.pscdesk.meeting.Organization>)
                        robot.lookup("#meeting-item-owner").query();
                owner.getItems().stream().filter(o -> o.id() == tenants.id()).findFirst().ifPresent(owner::setValue);
                @SuppressWarnings("unchecked")
                ComboBox<MeetingRecords.RankedPlace> where = (ComboBox<MeetingRecords.RankedPlace>) robot.lookup(
                        "#meeting-item-place").query();
                where.getSelectionModel().select(0);
                @SuppressWarnings("unchecked")
                ComboBox<org.pscdesk.meeting.Program> program = (ComboBox<org.pscdesk.meeting.Program>) robot.lookup(
                        "#meeting-item-program").query();
                program.getItems().stream().filter(p -> p.id() == walks.id()).findFirst().ifPresent(program::setValue);
                return null;
            });
            fire("#meeting-item-add");
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) JsonTree.list(JsonTree.object(new MeetingRecords(ws)
                    .json(meeting).orElseThrow()), "action_items").get(0);
            assertEquals(oldMill.placeId(), ((Number) item.get("place_id")).longValue());
            assertEquals("Tenant safety walks", item.get("program"));
            assertEquals("Westgate Tenants Union", item.get("owner_organization"));
            AppTests.screenshot(app, "4-tasks-step");
        } finally {
            AppTests.stop(app);
        }
    }

    private static String status(Workspace ws, long meeting) throws Exception {
        return new MeetingRecords(ws).summaries().stream().filter(m -> m.id() == meeting).findFirst().orElseThrow()
                .status();
    }
}
