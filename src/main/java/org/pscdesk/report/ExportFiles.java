package org.pscdesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.pscdesk.analysis.JsonTree;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.OutputFile;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * The one way the command line and the app write minutes and data files (issue 8): through a temporary file
 * moved into place, and recorded in the workspace's audit log (what, which version, the file's name; never
 * its folder). A workspace open read-only in a second window still exports, without a log line.
 */
public final class ExportFiles {

    /** The kinds of data export. */
    public enum Kind { RUN, PLACE, LAYER, ACTIONS, MATRIX }

    /**
     * What a data export holds.
     *
     * @param name the run's or layer's name, the place's id as text; null for the two tables
     */
    public record Data(Kind kind, String name) {
        public Data {
            Objects.requireNonNull(kind);
            if ((kind == Kind.ACTIONS || kind == Kind.MATRIX) != (name == null)) {
                throw new IllegalArgumentException(kind + (name == null ? " needs a name" : " takes no name"));
            }
        }

        public static Data run(String name) {
            return new Data(Kind.RUN, name);
        }

        public static Data layer(String name) {
            return new Data(Kind.LAYER, name);
        }

        public static Data place(long id) {
            return new Data(Kind.PLACE, Long.toString(id));
        }

        public static Data actions() {
            return new Data(Kind.ACTIONS, null);
        }

        public static Data matrix() {
            return new Data(Kind.MATRIX, null);
        }

        /** In plain words, for the audit log and messages. */
        public String describe() {
            return switch (kind) {
                case RUN -> "run " + name + " (cells)";
                case PLACE -> "place " + name;
                case LAYER -> "layer " + name;
                case ACTIONS -> "the action items";
                case MATRIX -> "the place × program matrix";
            };
        }

        /** Why this cannot be written in {@code format}, or null when it can. */
        public String formatProblem(Exports.Format format) {
            if ((kind == Kind.ACTIONS || kind == Kind.MATRIX) && format != Exports.Format.CSV) {
                return (kind == Kind.ACTIONS ? "The action items" : "The place × program matrix")
                        + " is a table: export it as CSV.";
            }
            return null;
        }

        /** Whether a public version differs: runs go through the privacy filter, layers may be refused. */
        public boolean hasPublicVersion() {
            return kind == Kind.RUN || kind == Kind.LAYER;
        }
    }

    /** Thrown out of the map drawing when the user cancels; it must pass through PDFBox as an IOException. */
    private static final class Cancelled extends IOException {
        Cancelled() {
            super("cancelled");
        }
    }

    private ExportFiles() {
    }

    /**
     * Makes a meeting's minutes as PDF bytes (see {@link MinutesPdf}); the map views are drawn by {@code maps}.
     * Progress is reported per map (the slow part), and a cancel is honoured before each map.
     *
     * @throws WorkspaceException BAD_INPUT when there is no such meeting
     */
    public static byte[] minutes(Workspace ws, long meetingId, boolean publicVersion, boolean pdfa,
                                 MinutesPdf.MapPictures maps, Progress progress, Cancellation cancel)
            throws WorkspaceException, CancelledException {
        cancel.check();
        int total = new MeetingRecords(ws).json(meetingId).map(j -> JsonTree.list(JsonTree.object(j), "map_views")
                .size()).orElse(0);
        int[] drawn = {0};
        MinutesPdf.MapPictures counted = (run, view) -> {
            if (cancel.isCancelled()) {
                throw new Cancelled();
            }
            drawn[0]++;
            progress.update("Drawing map " + drawn[0] + " of " + total + " (" + view + ", run " + run + ")",
                    (drawn[0] - 1.0) / (total + 1));
            return maps.png(run, view);
        };
        progress.update("Writing the minutes", total == 0 ? -1 : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MinutesPdf.write(ws, meetingId, publicVersion, pdfa, out, counted);
        } catch (Cancelled e) {
            throw new CancelledException();
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, ws.file(), "Could not make the PDF: "
                    + e.getMessage(), e);
        }
        cancel.check();
        return out.toByteArray();
    }

    /** Saves minutes made by {@link #minutes} and records it in the audit log. */
    public static void saveMinutes(Workspace ws, long meetingId, boolean publicVersion, boolean pdfa, byte[] pdf,
                                   Path target, boolean replace) throws WorkspaceException {
        String what = "minutes of meeting " + meetingId + (publicVersion ? ", public version" : ", partners' version")
                + (pdfa ? ", PDF/A" : "");
        OutputFile.export(ws, what, target, replace, temp -> Files.write(temp, pdf));
    }

    /**
     * Writes a data export and records it in the audit log. A cancel is honoured once the data are written
     * (the exports themselves are quick): the temporary file is then deleted and nothing changes.
     *
     * @throws WorkspaceException BAD_INPUT for an unknown run, layer or place, a format the data cannot take,
     *                            or a refused public export (incident layers are never public)
     */
    public static void data(Workspace ws, Data what, Exports.Format format, boolean publicVersion, Path target,
                            boolean replace, Progress progress, Cancellation cancel)
            throws WorkspaceException, CancelledException {
        String problem = what.formatProblem(format);
        if (problem != null) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, target, problem);
        }
        boolean pub = publicVersion && what.hasPublicVersion();
        progress.update("Writing " + what.describe() + " as " + label(format), -1);
        String log = what.describe() + " as " + label(format) + (pub ? ", public version" : "");
        OutputFile.<CancelledException>export(ws, log, target, replace, temp -> {
            try {
                switch (what.kind()) {
                    case RUN -> Exports.run(ws, what.name(), format, pub, temp);
                    case PLACE -> Exports.place(ws, Long.parseLong(what.name()), format, temp);
                    case LAYER -> Exports.layer(ws, what.name(), format, pub, temp);
                    case ACTIONS -> Exports.actions(ws, temp);
                    case MATRIX -> Exports.matrix(ws, temp);
                    default -> throw new IllegalStateException(what.kind().toString());
                }
            } catch (IllegalArgumentException e) {
                throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, target, e.getMessage() + ".", e);
            }
            cancel.check();
        });
    }

    /** The places some meeting ranked (those {@link Exports#place} can export): id → label, by id. */
    public static Map<Long, String> rankedPlaces(Workspace ws) throws WorkspaceException {
        Map<Long, String> out = new java.util.TreeMap<>();
        MeetingRecords records = new MeetingRecords(ws);
        for (MeetingRecords.Summary s : records.summaries()) {
            for (Object o : JsonTree.list(JsonTree.object(records.json(s.id()).orElseThrow()), "places")) {
                if (o instanceof Map<?, ?> p && p.get("id") instanceof Number id) {
                    out.putIfAbsent(id.longValue(), String.valueOf(p.get("label")));
                }
            }
        }
        return out;
    }

    /** A file name to offer for minutes: {@code minutes-2025-11-20-public.pdf}. */
    public static String minutesFileName(MeetingRecords.Summary meeting, boolean publicVersion) {
        return "minutes-" + meeting.date() + (publicVersion ? "-public" : "-partners") + ".pdf";
    }

    /** A file name to offer for a data export: {@code run-nov-2025-cells-public.geojson}, {@code action-items.csv}. */
    public static String dataFileName(Data what, Exports.Format format, boolean publicVersion) {
        String base = switch (what.kind()) {
            case RUN -> "run-" + what.name() + "-cells";
            case PLACE -> "place-" + what.name();
            case LAYER -> what.name();
            case ACTIONS -> "action-items";
            case MATRIX -> "place-program-matrix";
        };
        return safe(base) + (publicVersion && what.hasPublicVersion() ? "-public" : "") + "." + extension(format);
    }

    /** The file name extension of a format, without the dot. */
    public static String extension(Exports.Format format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /** The format in plain words. */
    public static String label(Exports.Format format) {
        return switch (format) {
            case GPKG -> "GeoPackage";
            case GEOJSON -> "GeoJSON";
            case CSV -> "CSV";
        };
    }

    /** Letters, digits, '-', '_' and '.' only: names from the workspace become safe file names everywhere. */
    private static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]+", "-");
        return t.isEmpty() ? "export" : t;
    }

    /** The formats {@code what} can be written in. */
    public static List<Exports.Format> formatsFor(Data what) {
        return java.util.Arrays.stream(Exports.Format.values()).filter(f -> what.formatProblem(f) == null).toList();
    }
}
