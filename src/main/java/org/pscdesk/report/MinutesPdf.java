package org.pscdesk.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.pscdesk.analysis.JsonTree;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.Version;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * The minutes of a meeting as PDF (issue 8, first part): title block, attendance by organization, the ACTION
 * agenda with its notes, the prioritized places (rank, label, risk class, factors, narrative), decisions with
 * reasons, the program commitments, action items, and a data note with the record's content hash. A running
 * header, page numbers, long text wrapped, the DejaVu font embedded (names with accents print), and DRAFT on
 * every page of a meeting not yet finalized. The public version prints organizations only, and every text the
 * room typed passes {@link PrivacyFilter#publicText} (no e-mail, phone, coordinate, facilitator's name or small
 * count). Who does what where is a grid ({@link CoordinationMatrix}) with its gaps; the data note describes each
 * run discussed through the {@link PrivacyFilter} (period, source, cells, suppression, sensitive categories, the
 * model's factors with their RRV, validation).
 */
public final class MinutesPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN - 14;
    private static final float BOTTOM = MARGIN + 20;
    private static final String FONT = "/org/pscdesk/assets/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/org/pscdesk/assets/fonts/DejaVuSans-Bold.ttf";

    /** Size in pixels of a kept map view as the minutes print it: 16:10, about 240 dpi across the text width. */
    public static final int MAP_WIDTH = 1600;
    public static final int MAP_HEIGHT = 1000;

    private final PDDocument doc = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream out;
    private float y;
    private MapPictures maps = (run, view) -> null;
    private boolean pdfa;
    private boolean publicVersion;
    private final PrivacyFilter filter = new PrivacyFilter();
    /** Personal names the record knows (the facilitator), left out of the public version's texts. */
    private List<String> names = List.of();
    private boolean typedCountsLeftOut;
    private Map<Long, String> placeEvents = Map.of();
    /** "Correction of the meeting of …" / "Corrected by the meeting of …": read beside the record, not in it. */
    private List<String> links = List.of();

    private MinutesPdf() throws IOException {
        regular = load(FONT);
        bold = load(BOLD);
    }

    private PDType0Font load(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(MinutesPdf.class.getResourceAsStream(resource), resource)) {
            return PDType0Font.load(doc, in); // subset and embedded
        }
    }

    /** Draws a kept map view (the projector scene, through the privacy filter) as PNG bytes, or null. */
    @FunctionalInterface
    public interface MapPictures {
        byte[] png(String run, String view) throws IOException;
    }

    /** A map view kept with a meeting: a saved run drawn as risk, hotspots, priority or places. */
    public record MapView(String run, String view) {
    }

    /**
     * The map views the minutes of a meeting print, in order, each once (a view shown twice is printed twice
     * but drawn once); empty when there is no such meeting. Lets a caller draw them ahead of {@link #write}.
     */
    public static List<MapView> mapViews(Workspace ws, long meetingId) throws WorkspaceException {
        Optional<String> json = new MeetingRecords(ws).json(meetingId);
        if (json.isEmpty()) {
            return List.of();
        }
        java.util.LinkedHashSet<MapView> out = new java.util.LinkedHashSet<>();
        for (Map<String, Object> v : rows(JsonTree.object(json.get()), "map_views")) {
            out.add(new MapView(text(v, "run"), text(v, "view")));
        }
        return List.copyOf(out);
    }

    /** Writes the minutes without their maps (no renderer at hand). */
    public static void write(Workspace ws, long meetingId, boolean publicVersion, OutputStream target)
            throws WorkspaceException, IOException {
        write(ws, meetingId, publicVersion, target, (run, view) -> null);
    }

    /**
     * Writes the minutes of a meeting.
     *
     * @param publicVersion the version for the community (organizations only)
     * @param maps draws the map views kept with the meeting
     * @throws WorkspaceException BAD_INPUT when there is no such meeting
     */
    public static void write(Workspace ws, long meetingId, boolean publicVersion, OutputStream target,
                             MapPictures maps) throws WorkspaceException, IOException {
        write(ws, meetingId, publicVersion, false, target, maps);
    }

    /**
     * Writes the minutes of a meeting, optionally as PDF/A-1b for archiving: XMP metadata, an sRGB output
     * intent, no transparency (maps flattened on white, a grey DRAFT mark), no compressed object streams.
     */
    public static void write(Workspace ws, long meetingId, boolean publicVersion, boolean pdfa, OutputStream target,
                             MapPictures maps) throws WorkspaceException, IOException {
        String json = new MeetingRecords(ws).json(meetingId).orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.BAD_INPUT, ws.file(), "There is no meeting " + meetingId + " in "
                        + ws.file().getFileName() + "; 'pscdesk meetings' lists them."));
        Map<String, Object> m = JsonTree.object(json);
        List<String> runs = new MeetingRecords(ws).runs(meetingId);
        CoordinationMatrix matrix = CoordinationMatrix.of(ws, m, runs);
        List<RunNote> notes = new ArrayList<>();
        Map<String, PublicRun> publicRuns = new java.util.HashMap<>();
        for (String run : runs) {
            notes.add(RunNote.of(ws, run, publicRuns));
        }
        MinutesPdf pdf = new MinutesPdf();
        pdf.maps = maps;
        pdf.pdfa = pdfa;
        pdf.publicVersion = publicVersion;
        pdf.names = List.of(text(m, "facilitator"));
        pdf.placeEvents = publicVersion ? placeEvents(ws, m, publicRuns) : Map.of();
        List<String> links = new ArrayList<>();
        new MeetingRecords(ws).corrects(meetingId).ifPresent(l -> links.add("Correction of the meeting of " + l.date()
                + " (" + l.title() + ")."));
        for (MeetingRecords.Link l : new MeetingRecords(ws).correctedBy(meetingId)) {
            links.add("Corrected by the meeting of " + l.date() + " (" + l.title() + ").");
        }
        pdf.links = links;
        try {
            pdf.build(m, matrix, notes);
            if (pdfa) {
                pdf.makePdfA(pdf.say(text(m, "title")));
                // PDF/A-1 forbids cross-reference streams (dependencies doc, G13)
                pdf.doc.save(target, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            } else {
                pdf.doc.save(target);
            }
        } finally {
            pdf.doc.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> m, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : JsonTree.list(m, key)) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    private static String text(Map<String, Object> m, String key) {
        String s = JsonTree.text(m, key);
        return s == null ? "" : s;
    }

    /**
     * For the public version: the events of each ranked place drawn on a run's cells, counted by the privacy
     * filter (sensitive categories left out, "fewer than 11" below the threshold) — printed instead of the
     * typed count, which the filter cannot check. Places typed by the room have none.
     */
    private static Map<Long, String> placeEvents(Workspace ws, Map<String, Object> m, Map<String, PublicRun> publicRuns)
            throws WorkspaceException {
        Map<Long, String> out = new java.util.HashMap<>();
        MeetingRecords records = new MeetingRecords(ws);
        for (Map<String, Object> p : rows(m, "places")) {
            if (!(p.get("id") instanceof Number id)) {
                continue;
            }
            Optional<MeetingRecords.Place> place = records.place(id.longValue());
            if (place.isEmpty() || place.get().runName() == null || place.get().cells() == null
                    || place.get().cells().isBlank()) {
                continue;
            }
            String run = place.get().runName();
            PublicRun pub = publicRuns.get(run);
            if (pub == null) {
                Optional<PublicRun> loaded = new PrivacyFilter().publicRun(ws, run);
                if (loaded.isEmpty()) {
                    continue;
                }
                pub = loaded.get();
                publicRuns.put(run, pub);
            }
            Map<Integer, Integer> tableIndex = new java.util.HashMap<>();
            for (int k = 0; k < pub.cells().length; k++) {
                tableIndex.put(pub.cells()[k], k);
            }
            List<Integer> picked = new ArrayList<>();
            for (String cell : place.get().cells().split(",")) {
                Integer k = tableIndex.get(Integer.valueOf(cell.strip()));
                if (k != null) {
                    picked.add(k);
                }
            }
            if (!picked.isEmpty()) {
                out.put(id.longValue(), pub.eventsText(picked.stream().mapToInt(Integer::intValue).toArray())
                        + (pub.period().isEmpty() ? "" : " (" + pub.period() + ")"));
            }
        }
        return out;
    }

    /** Text the room typed, as this version may print it. */
    private String say(String typed) {
        return publicVersion ? filter.publicText(typed, names) : typed;
    }

    private void build(Map<String, Object> m, CoordinationMatrix matrix, List<RunNote> notes) throws IOException {
        boolean draft = !"finalized".equals(text(m, "status"));
        String title = say(text(m, "title"));
        newPage();
        heading(title, 18);
        line(text(m, "body"), 11, false);
        // the facilitator may be typed as a person's name: the public version leaves it out
        String convener = publicVersion || text(m, "facilitator").isEmpty() ? "" : " · convened by "
                + text(m, "facilitator");
        line(text(m, "date") + (text(m, "location").isEmpty() ? "" : " · " + say(text(m, "location"))) + convener,
                11, false);
        line((draft ? "DRAFT — this record is not finalized" : "Finalized record") + (publicVersion
                ? " · public version (organizations only)" : " · partners' version"), 10, true);
        for (String link : links) {
            line(say(link), 10, false);
        }
        gap(8);

        heading("Attendance", 14);
        List<String> orgs = new ArrayList<>();
        for (Map<String, Object> a : rows(m, "attendance")) {
            orgs.add(text(a, "organization") + " (" + text(a, "sector").replace('_', ' ') + ")");
        }
        paragraph(orgs.isEmpty() ? "No attendance recorded." : String.join("; ", orgs) + ".");

        heading("ACTION agenda", 14);
        for (Map<String, Object> step : rows(m, "agenda")) {
            String name = text(step, "step");
            keepWithNext(48); // the label and two lines
            line(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1), 11, true);
            paragraph(say(text(step, "notes")));
        }

        List<Map<String, Object>> views = rows(m, "map_views");
        if (!views.isEmpty()) {
            // keep the heading with its first map (a 16:10 render at the text width): no heading alone at a foot
            if (y - (WIDTH * 10 / 16 + 60) < BOTTOM) {
                newPage();
            }
            heading("Maps shown in the meeting", 14);
            int n = 0;
            for (Map<String, Object> v : views) {
                n++;
                byte[] png = maps.png(text(v, "run"), text(v, "view"));
                String caption = "Map " + n + ": " + viewTitle(text(v, "view")) + " (run " + text(v, "run") + ")";
                if (png == null) {
                    paragraph(caption + " — not drawn here (no map renderer).");
                } else {
                    image(png, caption);
                }
            }
        }

        heading("Prioritized places", 14);
        List<Map<String, Object>> places = rows(m, "places");
        if (places.isEmpty()) {
            paragraph("No places were ranked at this meeting.");
        }
        for (Map<String, Object> p : places) {
            Map<String, Object> facts = JsonTree.child(p, "facts");
            StringBuilder f = new StringBuilder();
            if (facts != null) {
                if (facts.get("risk_class") != null) {
                    f.append("Risk class: ").append(facts.get("risk_class")).append(". ");
                }
                if (facts.get("factors") instanceof List<?> list && !list.isEmpty()) {
                    f.append("Factors: ").append(String.join(", ", list.stream().map(String::valueOf).toList()))
                            .append(". ");
                }
                // a typed count may hold small numbers or sensitive offences, which the filter cannot check; a
                // place drawn on a run's cells gets the filter's own count instead
                String counted = p.get("id") instanceof Number id ? placeEvents.get(id.longValue()) : null;
                if (publicVersion && counted != null) {
                    f.append("Incidents: ").append(counted).append(", sensitive offences left out. ");
                } else if (facts.get("incidents") != null) {
                    if (publicVersion) {
                        typedCountsLeftOut = true;
                    } else {
                        f.append("Incidents: ").append(facts.get("incidents")).append(". ");
                    }
                }
            }
            keepWithNext(48); // the label and two lines
            line(text(p, "rank") + ". " + say(text(p, "label")), 11, true);
            if (f.length() > 0) {
                paragraph(f.toString().trim());
            }
            paragraph(say(text(p, "narrative")));
        }

        heading("Decisions", 14);
        List<Map<String, Object>> decisions = rows(m, "decisions");
        if (decisions.isEmpty()) {
            paragraph("No decisions were recorded.");
        }
        for (Map<String, Object> d : decisions) {
            paragraph("• " + say(text(d, "text")) + (text(d, "reason").isEmpty() ? "" : " Reason: "
                    + say(text(d, "reason"))));
        }

        keepWithNext(110); // the heading, the grid's header and its first row
        heading("Who does what where", 14);
        gap(3);
        matrix(matrix);

        heading("Action items", 14);
        List<Map<String, Object>> items = rows(m, "action_items");
        if (items.isEmpty()) {
            paragraph("No action items.");
        }
        for (Map<String, Object> a : items) {
            paragraph("• " + say(text(a, "text")) + " Owner: " + text(a, "owner_organization")
                    + (text(a, "due").isEmpty() ? "" : "; due " + text(a, "due")) + "; status "
                    + text(a, "status").replace('_', ' ')
                    + (text(a, "carried_from").isEmpty() ? "" : "; carried from meeting " + text(a, "carried_from"))
                    + ".");
        }

        heading("Data note", 14);
        for (RunNote note : notes) {
            paragraph(note.text());
        }
        if (typedCountsLeftOut) {
            paragraph("The incident counts noted with the places are printed in the partners' version only.");
        }
        paragraph("This record was written with PSC Desk " + Version.get() + ". "
                + (draft ? "The meeting is not finalized: this is a draft and may change."
                : "Content hash of the finalized record (SHA-256): " + text(m, "content_sha256") + "."));
        out.close();
        finish(title, draft);
    }

    /**
     * A run discussed at the meeting, for the data note: the privacy filter's note (period, source, cells,
     * suppression, sensitive categories, events counted), the model's factors with their RRV, and validation.
     */
    private record RunNote(String text) {
        static RunNote of(Workspace ws, String run, Map<String, PublicRun> publicRuns) throws WorkspaceException {
            Optional<LoadedRun> loaded = LoadedRun.load(ws, run);
            if (loaded.isEmpty()) {
                return new RunNote("Run " + run + " was discussed but is no longer in the workspace.");
            }
            PublicRun pub = new PrivacyFilter().publicRun(ws, loaded.get());
            publicRuns.put(run, pub);
            LoadedRun.Summary s = loaded.get().summary();
            Crs crs = ws.crs().orElseThrow();
            StringBuilder t = new StringBuilder("Run " + run + ": " + pub.dataNote());
            if (!s.terms().isEmpty()) {
                List<String> terms = new ArrayList<>();
                for (LoadedRun.Term term : s.terms()) {
                    terms.add(RiskLegend.factorWords(term, crs) + String.format(Locale.ROOT, " (RRV %.2f)", term.rrv()));
                }
                t.append(" Risk factors and their spatial influence: ").append(String.join("; ", terms))
                        .append(". An RRV of 2 means twice the rate of places without that factor.");
            }
            if (!s.validation().isEmpty()) {
                List<String> v = new ArrayList<>();
                s.validation().forEach((key, value) -> v.add((key.equals("hit_rate") ? "hit rate"
                        : key.toUpperCase(Locale.ROOT)) + String.format(Locale.ROOT, " %.2f", value)));
                t.append(" Validation on the events from ").append(s.testFrom()).append(" on: ")
                        .append(String.join(", ", v)).append('.');
            }
            return new RunNote(t.toString());
        }
    }

    /** XMP metadata (title, PDF/A-1b identification, dates, producer) and the sRGB output intent. */
    private void makePdfA(String title) throws IOException {
        try {
            org.apache.xmpbox.XMPMetadata xmp = org.apache.xmpbox.XMPMetadata.createXMPMetadata();
            org.apache.xmpbox.schema.DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            org.apache.xmpbox.schema.PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(1);
            id.setConformance("B");
            org.apache.xmpbox.schema.XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            java.util.Calendar now = java.util.Calendar.getInstance();
            basic.setCreateDate(now);
            basic.setModifyDate(now);
            basic.setCreatorTool("PSC Desk " + Version.get());
            org.apache.xmpbox.schema.AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(doc.getDocumentInformation().getProducer());
            doc.getDocumentInformation().setCreationDate(now);
            doc.getDocumentInformation().setModificationDate(now);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            new org.apache.xmpbox.xml.XmpSerializer().serialize(xmp, bytes, true);
            org.apache.pdfbox.pdmodel.common.PDMetadata metadata = new org.apache.pdfbox.pdmodel.common.PDMetadata(doc);
            metadata.importXMPMetadata(bytes.toByteArray());
            doc.getDocumentCatalog().setMetadata(metadata);
        } catch (org.apache.xmpbox.type.BadFieldValueException | javax.xml.transform.TransformerException e) {
            throw new IOException("could not write the PDF/A metadata: " + e.getMessage(), e);
        }
        java.awt.color.ICC_Profile srgb = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB);
        org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent intent =
                new org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent(doc,
                        new java.io.ByteArrayInputStream(srgb.getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    private static String viewTitle(String view) {
        return switch (view) {
            case "risk" -> "where risk is highest";
            case "hotspots" -> "where incidents cluster";
            case "priority" -> "priority places";
            case "places" -> "places to discuss";
            default -> view;
        };
    }

    /** A map at the text width (print resolution from a 1600-pixel render), with its caption. */
    private void image(byte[] png, String caption) throws IOException {
        // an RGB PNG goes in as it is (its compressed data copied); one with alpha is decoded, and for PDF/A,
        // which has no transparency, flattened onto white
        org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img =
                org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(doc, png, caption);
        if (pdfa && img.getSoftMask() != null) {
            java.awt.image.BufferedImage src = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            img = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, Images.onWhite(src));
        }
        float w = WIDTH;
        float h = w * img.getHeight() / img.getWidth();
        if (y - h - 24 < BOTTOM) {
            newPage();
        }
        y -= h;
        out.drawImage(img, MARGIN, y, w, h);
        gap(4);
        line(caption, 9.5f, false);
        gap(8);
    }

    /** Program columns per group: more make the cells too narrow to read on a portrait A4 page. */
    private static final int MAX_PROGRAM_COLUMNS = 4;
    private static final float CELL_TEXT = 8.5f;
    private static final float CELL_PAD = 3;

    /** One line of a table cell and its font. */
    private record CellLine(String text, PDType0Font font) {
    }

    /**
     * Who does what where as a grid: places down, programs across (at most four per group; more programs
     * make further groups, each repeating the place column), the header repeated on every page the grid
     * crosses; then the gaps in plain sentences.
     */
    private void matrix(CoordinationMatrix mx) throws IOException {
        int n = mx.programs().size();
        if (n == 0) {
            paragraph("No program commitments were recorded.");
        } else {
            int groups = (n + MAX_PROGRAM_COLUMNS - 1) / MAX_PROGRAM_COLUMNS;
            int per = (n + groups - 1) / groups; // even groups: 5 programs are 3 + 2, not 4 + 1
            for (int from = 0; from < n; from += per) {
                int to = Math.min(n, from + per);
                if (groups > 1) {
                    keepWithNext(60); // the caption, the header and a row
                    line("Programs " + (from + 1) + "–" + to + " of " + n, 9.5f, true);
                    gap(2);
                }
                table(mx, from, to);
                gap(8);
            }
        }
        List<String> gaps = mx.gaps();
        if (!gaps.isEmpty()) {
            keepWithNext(48);
            line("Gaps", 11, true);
            for (String g : gaps) {
                paragraph("• " + say(g));
            }
        } else if (!mx.rows().isEmpty()) {
            paragraph("No gaps: every prioritized place has a program" + (mx.factors().isEmpty() ? ""
                    : ", and a program addresses every risk factor in the model") + ".");
        }
    }

    private void table(CoordinationMatrix mx, int from, int to) throws IOException {
        int cols = to - from;
        float[] widths = new float[cols + 1];
        widths[0] = WIDTH * (cols >= 3 ? 0.25f : 0.3f);
        for (int i = 1; i <= cols; i++) {
            widths[i] = (WIDTH - widths[0]) / cols;
        }
        List<List<CellLine>> header = new ArrayList<>();
        header.add(cell("Place", bold, widths[0]));
        for (int i = from; i < to; i++) {
            header.add(cell(mx.programs().get(i), bold, widths[i - from + 1]));
        }
        float headerHeight = height(header);
        boolean first = true;
        for (CoordinationMatrix.Row r : mx.rows()) {
            List<List<CellLine>> row = new ArrayList<>();
            row.add(cell(say(r.rankedLabel()), regular, widths[0]));
            for (int i = from; i < to; i++) {
                List<CellLine> lines = new ArrayList<>();
                for (CoordinationMatrix.Commitment c : r.cells().get(i)) {
                    if (!lines.isEmpty()) {
                        lines.add(new CellLine("", regular));
                    }
                    lines.addAll(cell(c.organization(), bold, widths[i - from + 1]));
                    if (c.dosage() != null && !c.dosage().isBlank()) {
                        lines.addAll(cell(say(c.dosage()), regular, widths[i - from + 1]));
                    }
                    if (c.start() != null) {
                        lines.addAll(cell("from " + c.start(), regular, widths[i - from + 1]));
                    }
                }
                if (i == from && r.isGap()) {
                    lines.addAll(cell(CoordinationMatrix.NO_PROGRAM, bold, widths[1]));
                }
                row.add(lines);
            }
            float h = height(row);
            if (first || y - h < BOTTOM) {
                if (!first || y - headerHeight - h < BOTTOM) {
                    newPage();
                }
                drawRow(header, widths, headerHeight, true);
                first = false;
            }
            drawRow(row, widths, h, false);
        }
    }

    private List<CellLine> cell(String text, PDType0Font font, float width) throws IOException {
        List<CellLine> out = new ArrayList<>();
        for (String part : text.split("\n")) {
            for (String l : wrap(part, font, CELL_TEXT, width - 2 * CELL_PAD)) {
                out.add(new CellLine(l, font));
            }
        }
        return out;
    }

    private static float height(List<List<CellLine>> row) {
        int lines = 1;
        for (List<CellLine> c : row) {
            lines = Math.max(lines, c.size());
        }
        return lines * CELL_TEXT * 1.3f + 2 * CELL_PAD;
    }

    private void drawRow(List<List<CellLine>> row, float[] widths, float h, boolean isHeader) throws IOException {
        float x = MARGIN;
        if (isHeader) {
            out.setNonStrokingColor(0.9f, 0.9f, 0.9f);
            out.addRect(MARGIN, y - h, WIDTH, h);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        out.setStrokingColor(0.55f, 0.55f, 0.55f);
        out.setLineWidth(0.5f);
        for (int i = 0; i < row.size(); i++) {
            out.addRect(x, y - h, widths[i], h);
            out.stroke();
            float ly = y - CELL_PAD;
            for (CellLine l : row.get(i)) {
                ly -= CELL_TEXT * 1.3f;
                if (!l.text().isEmpty()) {
                    out.beginText();
                    out.setFont(l.font(), CELL_TEXT);
                    out.newLineAtOffset(x + CELL_PAD, ly + CELL_TEXT * 0.3f);
                    out.showText(l.text());
                    out.endText();
                }
            }
            x += widths[i];
        }
        y -= h;
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = TOP;
    }

    private void heading(String text, float size) throws IOException {
        if (y - size * 3 - 30 < BOTTOM) { // a heading keeps at least two lines of its section below it
            newPage();
        }
        gap(size * 0.6f);
        for (String l : wrap(text, bold, size)) {
            write(l, bold, size);
        }
        gap(2);
    }

    /** A label starts a new page rather than stand alone at the foot of one: it needs this much room below. */
    private void keepWithNext(float points) throws IOException {
        if (y - points < BOTTOM) {
            newPage();
        }
    }

    private void line(String text, float size, boolean strong) throws IOException {
        for (String l : wrap(text, strong ? bold : regular, size)) {
            write(l, strong ? bold : regular, size);
        }
    }

    private void paragraph(String text) throws IOException {
        for (String part : text.split("\n")) {
            for (String l : wrap(part, regular, 10.5f)) {
                write(l, regular, 10.5f);
            }
        }
        gap(4);
    }

    private void gap(float points) {
        y -= points;
    }

    private void write(String text, PDType0Font font, float size) throws IOException {
        float lineHeight = size * 1.35f;
        if (y - lineHeight < BOTTOM) {
            newPage();
        }
        y -= lineHeight;
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN, y);
        out.showText(text);
        out.endText();
    }

    private static List<String> wrap(String text, PDType0Font font, float size) throws IOException {
        return wrap(text, font, size, WIDTH);
    }

    /** Greedy word wrap to a width; a word longer than a line is cut. */
    private static List<String> wrap(String text, PDType0Font font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.replace('\t', ' ').split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(candidate, font, size) <= maxWidth) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > maxWidth) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float width(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Running header, page numbers, DRAFT across every page of a draft, document information. */
    private void finish(String title, boolean draft) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                s.beginText();
                s.setFont(regular, 8.5f);
                s.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN + 10);
                s.showText(title + (draft ? " — DRAFT" : ""));
                s.endText();
                String number = "Page " + (i + 1) + " of " + n;
                s.beginText();
                s.setFont(regular, 8.5f);
                s.newLineAtOffset(MARGIN + WIDTH - width(number, regular, 8.5f), MARGIN - 10);
                s.showText(number);
                s.endText();
                if (draft) {
                    if (pdfa) {
                        s.setNonStrokingColor(0.88f, 0.88f, 0.88f); // no transparency in PDF/A-1: a light grey
                    } else {
                        PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
                        faint.setNonStrokingAlphaConstant(0.12f);
                        s.setGraphicsStateParameters(faint);
                    }
                    s.beginText();
                    s.setFont(bold, 96);
                    s.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.toRadians(45), 150, 260));
                    s.showText("DRAFT");
                    s.endText();
                }
            }
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title + (draft ? " (draft)" : ""));
        info.setCreator("PSC Desk " + Version.get());
        info.setProducer("PSC Desk with Apache PDFBox");
    }
}
