package org.pscdesk.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pscdesk.analysis.JsonTree;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.meeting.Program;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * Who does what where (issue 7 §5): prioritized places × the programs committed to them, each cell the
 * organization, dosage and start of a commitment, with the gaps stated plainly — a prioritized place with no
 * program yet, and a risk factor of the model that no program in the catalog addresses.
 *
 * <p>Rows are the meeting's ranked places in rank order, then places committed to but not ranked there, then
 * commitments tied to no single place. Columns are the programs committed, in the order first committed. The
 * risk factors are the factor layers of the selected terms of the meeting's runs ({@link MeetingRecords#runs})
 * that raise risk (coefficient above 0; a protective factor such as a park needs no program), compared with
 * every catalog program's {@link Program#factors()}. Immutable; built from the store, never written to it.
 *
 * @param programs the column headings: program names
 * @param rows one per place, each with one cell per program
 * @param factors the risk factors of the runs discussed, each with the programs that address it
 */
public record CoordinationMatrix(List<String> programs, List<Row> rows, List<Factor> factors) {

    /** What a row's place gets when nothing is committed to it. */
    public static final String NO_PROGRAM = "no program yet";

    public CoordinationMatrix {
        programs = List.copyOf(programs);
        rows = List.copyOf(rows);
        factors = List.copyOf(factors);
        for (Row r : rows) {
            if (r.cells().size() != programs.size()) {
                throw new IllegalArgumentException("row '" + r.label() + "' has " + r.cells().size() + " cells for "
                        + programs.size() + " programs");
            }
        }
    }

    /**
     * One commitment: who delivers the program, how much, from when.
     *
     * @param organization the organization that committed
     * @param dosage how much, in the room's words, or null
     * @param start when it starts, or null
     */
    public record Commitment(String organization, String dosage, LocalDate start) {
        public Commitment {
            Objects.requireNonNull(organization);
        }

        /** "Riverbend Land Bank: 12 lots cleaned and planted (from 2026-03-01)". */
        public String text() {
            return organization + (dosage == null || dosage.isBlank() ? "" : ": " + dosage)
                    + (start == null ? "" : " (from " + start + ")");
        }
    }

    /**
     * A place and what each program commits to it.
     *
     * @param placeId the registry place, or null for the row of commitments tied to no single place
     * @param rank its rank at the meeting (1 first); for {@link #forAll} its rank at the latest meeting that
     *             ranked it; 0 when it was not ranked
     * @param label the place as residents name it
     * @param cells per program column, the commitments (usually one; empty where none)
     */
    public record Row(Long placeId, int rank, String label, List<List<Commitment>> cells) {
        public Row {
            Objects.requireNonNull(label);
            List<List<Commitment>> copy = new ArrayList<>(cells.size());
            for (List<Commitment> c : cells) {
                copy.add(List.copyOf(c));
            }
            cells = Collections.unmodifiableList(copy);
        }

        /** True when any program is committed here. */
        public boolean hasProgram() {
            return cells.stream().anyMatch(c -> !c.isEmpty());
        }

        /** A prioritized place with no program: a gap. */
        public boolean isGap() {
            return rank > 0 && !hasProgram();
        }

        /** A cell as text: its commitments separated by "; ", or "" when none. */
        public String cellText(int column) {
            return String.join("; ", cells.get(column).stream().map(Commitment::text).toList());
        }

        /** The gap in one plain sentence: "Kessler Flats (priority 3) has no program yet." */
        public String gapText() {
            return label + " (priority " + rank + ") has " + NO_PROGRAM + ".";
        }

        /** "3. Kessler Flats" for a ranked place, else the label. */
        public String rankedLabel() {
            return rank > 0 ? rank + ". " + label : label;
        }
    }

    /**
     * A risk factor of the model and the catalog programs that address it.
     *
     * @param layer the factor layer's name
     * @param programs names of the catalog programs that list it (any owner), empty for a gap
     */
    public record Factor(String layer, List<String> programs) {
        public Factor {
            Objects.requireNonNull(layer);
            programs = List.copyOf(programs);
        }

        /** The factor in plain words: "vacant lots". */
        public String words() {
            return layer.replace('_', ' ');
        }

        /** No program addresses it: a gap. */
        public boolean isGap() {
            return programs.isEmpty();
        }

        /** The gap in one plain sentence. */
        public String gapText() {
            return "No program in the catalog addresses " + words() + ", a risk factor in the model.";
        }
    }

    /** Prioritized places with no program yet, in row order. */
    public List<Row> placesWithoutProgram() {
        return rows.stream().filter(Row::isGap).toList();
    }

    /** Risk factors no catalog program addresses. */
    public List<Factor> factorsWithoutProgram() {
        return factors.stream().filter(Factor::isGap).toList();
    }

    /** Every gap as one plain sentence: places first, then factors. */
    public List<String> gaps() {
        List<String> out = new ArrayList<>();
        placesWithoutProgram().forEach(r -> out.add(r.gapText()));
        factorsWithoutProgram().forEach(f -> out.add(f.gapText()));
        return out;
    }

    /** The matrix of one meeting. */
    public static CoordinationMatrix of(Workspace ws, long meetingId) throws WorkspaceException {
        MeetingRecords records = new MeetingRecords(ws);
        String json = records.json(meetingId).orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.BAD_INPUT, ws.file(), "There is no meeting " + meetingId + " in "
                        + ws.file().getFileName() + "; 'pscdesk meetings' lists them."));
        return of(ws, JsonTree.object(json), records.runs(meetingId));
    }

    /** The matrix of a meeting record already read ({@code pscdesk meeting --json}), with its runs. */
    static CoordinationMatrix of(Workspace ws, Map<String, Object> meeting, List<String> runs)
            throws WorkspaceException {
        Builder b = new Builder(new MeetingRecords(ws));
        b.add(meeting, false);
        return b.build(factors(ws, runs));
    }

    /**
     * Every meeting's commitments in one matrix (the {@code export --matrix} CSV): for a place and program
     * committed at several meetings, the latest meeting's commitments replace the earlier ones; a place ranked
     * at any meeting and never given a program is a gap; the factors are those of every meeting's runs.
     */
    public static CoordinationMatrix forAll(Workspace ws) throws WorkspaceException {
        MeetingRecords records = new MeetingRecords(ws);
        List<MeetingRecords.Summary> meetings = new ArrayList<>(records.summaries());
        Collections.reverse(meetings); // oldest first: later commitments replace earlier ones
        Builder b = new Builder(records);
        Set<String> runs = new LinkedHashSet<>();
        for (MeetingRecords.Summary s : meetings) {
            b.add(JsonTree.object(records.json(s.id()).orElseThrow()), true);
            runs.addAll(records.runs(s.id()));
        }
        return b.build(factors(ws, List.copyOf(runs)));
    }

    /** The risk-raising factors of the runs' models, each with the catalog programs that address it. */
    private static List<Factor> factors(Workspace ws, List<String> runs) throws WorkspaceException {
        Set<String> layers = new LinkedHashSet<>();
        for (String run : runs) {
            LoadedRun.Summary s = LoadedRun.summaryOf(ws, run).orElse(null);
            if (s == null) {
                continue; // a run deleted since the meeting: its factors are unknown
            }
            for (LoadedRun.Term t : s.terms()) {
                if (t.factor() != null && t.coefficient() > 0) {
                    layers.add(t.factor());
                }
            }
        }
        if (layers.isEmpty()) {
            return List.of();
        }
        List<Program> catalog = new DirectoryRepository(ws).programs();
        List<Factor> out = new ArrayList<>();
        for (String layer : layers) {
            String key = layer.toLowerCase(Locale.ROOT);
            out.add(new Factor(layer, catalog.stream().filter(p -> p.factors().stream()
                    .anyMatch(f -> f.trim().toLowerCase(Locale.ROOT).equals(key))).map(Program::name).toList()));
        }
        return out;
    }

    /** Collects places and commitments meeting by meeting. */
    private static final class Builder {
        private static final Object NO_PLACE = new Object();

        private final MeetingRecords records;
        private final Map<Object, Integer> ranks = new LinkedHashMap<>();
        private final Map<Object, String> labels = new LinkedHashMap<>();
        private final Set<String> programs = new LinkedHashSet<>();
        private final Map<Object, Map<String, List<Commitment>>> cells = new LinkedHashMap<>();

        Builder(MeetingRecords records) {
            this.records = records;
        }

        @SuppressWarnings("unchecked")
        void add(Map<String, Object> meeting, boolean replace) throws WorkspaceException {
            for (Object o : JsonTree.list(meeting, "places")) {
                Map<String, Object> p = (Map<String, Object>) o;
                Long id = ((Number) p.get("id")).longValue();
                ranks.put(id, ((Number) p.get("rank")).intValue());
                labels.putIfAbsent(id, JsonTree.text(p, "label"));
            }
            Map<Object, Map<String, List<Commitment>>> here = new LinkedHashMap<>();
            for (Object o : JsonTree.list(meeting, "commitments")) {
                Map<String, Object> c = (Map<String, Object>) o;
                Object place = c.get("place_id") instanceof Number n ? (Object) n.longValue() : NO_PLACE;
                if (!labels.containsKey(place)) {
                    labels.put(place, label(place));
                }
                String program = JsonTree.text(c, "program");
                programs.add(program);
                String start = JsonTree.text(c, "start");
                here.computeIfAbsent(place, k -> new LinkedHashMap<>()).computeIfAbsent(program, k -> new ArrayList<>())
                        .add(new Commitment(JsonTree.text(c, "organization"), JsonTree.text(c, "dosage"),
                                start == null ? null : LocalDate.parse(start)));
            }
            for (Map.Entry<Object, Map<String, List<Commitment>>> e : here.entrySet()) {
                Map<String, List<Commitment>> row = cells.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                for (Map.Entry<String, List<Commitment>> c : e.getValue().entrySet()) {
                    if (replace) {
                        row.put(c.getKey(), c.getValue());
                    } else {
                        row.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).addAll(c.getValue());
                    }
                }
            }
        }

        private String label(Object place) throws WorkspaceException {
            if (place == NO_PLACE) {
                return "No single place";
            }
            long id = (Long) place;
            return records.place(id).map(MeetingRecords.Place::label).orElse("Place " + id);
        }

        CoordinationMatrix build(List<Factor> factors) {
            List<String> columns = List.copyOf(programs);
            List<Object> order = new ArrayList<>();
            // ranked places by rank, then the others in the order met, the no-place row last
            ranks.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> order.add(e.getKey()));
            for (Object place : labels.keySet()) {
                if (!ranks.containsKey(place) && place != NO_PLACE) {
                    order.add(place);
                }
            }
            if (labels.containsKey(NO_PLACE)) {
                order.add(NO_PLACE);
            }
            List<Row> rows = new ArrayList<>();
            for (Object place : order) {
                Map<String, List<Commitment>> row = cells.getOrDefault(place, Map.of());
                List<List<Commitment>> rowCells = new ArrayList<>();
                for (String program : columns) {
                    rowCells.add(row.getOrDefault(program, List.of()));
                }
                rows.add(new Row(place == NO_PLACE ? null : (Long) place, ranks.getOrDefault(place, 0),
                        labels.get(place), rowCells));
            }
            return new CoordinationMatrix(columns, rows, factors);
        }
    }
}
