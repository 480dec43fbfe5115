package org.pscdesk.ui.export;

import static org.pscdesk.ui.export.ExportWindow.hint;
import static org.pscdesk.ui.export.ExportWindow.section;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.pscdesk.report.ExportFiles;
import org.pscdesk.report.MinutesPdf;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.ui.render.PngRender;
import org.pscdesk.work.Cancellation;

/**
 * Export ▸ Minutes (PDF)…: choose the meeting and the version, see the first page as it will print, then save.
 * The PDF is made in the background as soon as the window opens and again when a choice changes; Save… writes
 * exactly the bytes previewed.
 */
final class MinutesDialog {

    private static final Logger LOG = Logger.getLogger(MinutesDialog.class.getName());

    /** The PDF made for a set of choices, with its first page. */
    private record Made(MeetingRecords.Summary meeting, boolean publicVersion, boolean pdfa, byte[] pdf, int pages,
                        Image firstPage) {
    }

    private final ExportMenu.Context context;
    private final ExportWindow window;
    private final ListView<MeetingRecords.Summary> meeting = new ListView<>();
    private final RadioButton partners = new RadioButton("For partners");
    private final RadioButton forPublic = new RadioButton("For the public");
    private final CheckBox pdfa = new CheckBox("PDF/A, for archiving");
    private final ImageView page = new ImageView();
    private final Label placeholder = new Label();
    private final Label info = new Label();
    private final Button make = new Button("Make the PDF");
    private final Button save = ExportWindow.primary("Save…", "export-save");
    private final BooleanProperty hasPdf = new SimpleBooleanProperty();
    private Made made;

    MinutesDialog(ExportMenu.Context context, List<MeetingRecords.Summary> meetings) {
        this.context = context;
        meeting.setId("export-meeting");
        meeting.getItems().setAll(meetings); // newest first
        meeting.getSelectionModel().selectFirst();
        meeting.setCellFactory(v -> new MeetingCell());
        meeting.setPrefHeight(150);
        ToggleGroup version = new ToggleGroup();
        partners.setId("export-partners");
        forPublic.setId("export-public");
        partners.setToggleGroup(version);
        forPublic.setToggleGroup(version);
        partners.setSelected(true);
        pdfa.setId("export-pdfa");
        make.setId("export-make");

        window = new ExportWindow(context, "export-minutes", "Minutes (PDF)", "The record of a meeting as a PDF to"
                + " send or print: who came, the notes of each step, the maps shown, the places and who does what.",
                content(), List.of(save, make), 1040, 780);
        // only needed when there is no PDF (cancelled, failed): otherwise the PDF is made as choices change
        make.visibleProperty().bind(window.working().not().and(hasPdf.not()));
        make.managedProperty().bind(make.visibleProperty());
        save.disableProperty().bind(hasPdf.not().or(window.working()));
        window.working().addListener((o, was, now) -> {
            if (!now && made == null) {
                placeholder.setText("No PDF yet. Press Make the PDF to try again.");
            }
        });
        meeting.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> makePdf());
        version.selectedToggleProperty().addListener((o, was, now) -> makePdf());
        pdfa.selectedProperty().addListener((o, was, now) -> makePdf());
        make.setOnAction(e -> makePdf());
        save.setOnAction(e -> save());
    }

    void show() {
        window.show();
        makePdf();
    }

    private Node content() {
        VBox meetingBox = section("Meeting", meeting);
        VBox versionBox = section("Who it is for", partners, hint("Organizations present and who convened the"
                + " meeting."), forPublic, hint("Organizations only; no one's name. For residents and the press."));
        VBox formatBox = section("File", pdfa, hint("Some archives ask for PDF/A. Fonts are embedded either way."));
        Label maps = new Label("The maps shown on the projector during the meeting are printed as the room saw"
                + " them: risk classes and places, never a single incident.");
        maps.setWrapText(true);
        maps.getStyleClass().add(ExportStyles.NOTE);
        ScrollPane formScroll = ExportWindow.form(meetingBox, versionBox, formatBox, maps);
        formScroll.setPrefWidth(420);
        formScroll.setMinWidth(320);

        page.setId("export-preview-image");
        page.setPreserveRatio(true);
        page.setSmooth(true);
        page.getStyleClass().add(ExportStyles.PREVIEW_PAGE);
        placeholder.setId("export-preview-placeholder");
        placeholder.getStyleClass().add(ExportStyles.PLACEHOLDER);
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(320);
        StackPane frame = new StackPane(page, placeholder);
        frame.getStyleClass().add(ExportStyles.PREVIEW_FRAME);
        frame.setMinSize(200, 200);
        // the page fits the frame, whatever the window's size
        page.fitWidthProperty().bind(frame.widthProperty().subtract(28));
        page.fitHeightProperty().bind(frame.heightProperty().subtract(28));
        Label caption = new Label("First page, as it will print");
        caption.getStyleClass().add(ExportStyles.SECTION_TITLE);
        info.setId("export-preview-info");
        info.getStyleClass().add(ExportStyles.PREVIEW_INFO);
        VBox preview = new VBox(8, caption, frame, info);
        VBox.setVgrow(frame, Priority.ALWAYS);
        preview.setPadding(new Insets(14, 18, 12, 14));
        return new BorderPane(preview, null, null, null, formScroll);
    }

    /** Makes the PDF for the current choices; the maps are drawn the way the CLI draws them. */
    private void makePdf() {
        MeetingRecords.Summary m = meeting.getSelectionModel().getSelectedItem();
        made = null;
        hasPdf.set(false);
        page.setImage(null);
        info.setText("");
        placeholder.setVisible(true);
        window.clearOutcome();
        if (m == null) {
            placeholder.setText("Choose a meeting.");
            return;
        }
        boolean pub = forPublic.isSelected();
        boolean archive = pdfa.isSelected();
        placeholder.setText("Making the PDF…");
        window.run("Making the minutes of " + m.date(), (progress, cancel) -> {
            byte[] pdf = ExportFiles.minutes(context.workspace().workspace(), m.id(), pub, archive,
                    (run, view) -> picture(run, view, cancel), progress, cancel);
            progress.update("Drawing the first page", -1);
            PdfPreview.Page first = PdfPreview.firstPage(pdf);
            return new Made(m, pub, archive, pdf, first.pages(), SwingFXUtils.toFXImage(first.image(), null));
        }, this::showMade);
    }

    /**
     * A kept map view drawn by the app's renderer (the projector scene, through the privacy filter). It is
     * called on the worker thread and waits while the FX thread builds and snapshots the scene.
     */
    private byte[] picture(String run, String view, Cancellation cancel) {
        if (cancel.isCancelled()) {
            return null; // the minutes stop before the next map anyway
        }
        try {
            return PngRender.projectorPng(context.workspace(), run, view, MinutesPdf.MAP_WIDTH, MinutesPdf.MAP_HEIGHT);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.log(Level.WARNING, "map " + view + " of run " + run + " not drawn", e);
            return null; // the minutes say the map could not be drawn
        }
    }

    private void showMade(Made m) {
        made = m;
        hasPdf.set(true);
        page.setImage(m.firstPage());
        placeholder.setVisible(false);
        info.setText("Page 1 of " + m.pages() + " · " + size(m.pdf().length) + " · "
                + (m.publicVersion() ? "public version" : "partners' version") + (m.pdfa() ? " · PDF/A" : ""));
    }

    private void save() {
        Made m = made;
        if (m == null) {
            return;
        }
        window.chooseTarget("Save the minutes", ExportFiles.minutesFileName(m.meeting(), m.publicVersion()),
                "PDF files", "pdf").ifPresent(target -> window.run("Saving " + target.getFileName(), (p, c) -> {
                    // the chooser asked before replacing an existing file
                    ExportFiles.saveMinutes(context.workspace().workspace(), m.meeting().id(), m.publicVersion(),
                            m.pdfa(), m.pdf(), target, true);
                    return target;
                }, window::saved));
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : Math.max(1, bytes / 1024) + " KB";
    }

    /** The title, and under it the date and whether the record is final. */
    private static final class MeetingCell extends ListCell<MeetingRecords.Summary> {
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);

        @Override
        protected void updateItem(MeetingRecords.Summary s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(s.title());
            title.setStyle("-fx-font-weight: bold;");
            Label when = new Label(DATE.format(s.date()) + " · " + ("finalized".equals(s.status()) ? "finalized"
                    : "not finalized: prints as DRAFT"));
            when.getStyleClass().add(ExportStyles.HINT);
            setGraphic(new VBox(1, title, when));
        }
    }
}
