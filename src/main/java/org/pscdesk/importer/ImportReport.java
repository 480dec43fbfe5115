package org.pscdesk.importer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The outcome of an import, shown in the app, printed by {@code pscdesk import --json} and stored with the
 * layer. Counts are exact; {@code problems} lists at most {@value ImportService#MAX_PROBLEMS_PER_REASON} per
 * reason (the counts in {@code skipped} are never capped).
 *
 * @param layer the layer written (table name)
 * @param read records read from the source
 * @param imported features written by this import (for an append: rows added)
 * @param skipped records not imported, by reason (for example {@code unmappable}, {@code bad_coordinates},
 *                {@code filtered}, {@code outside_area}, {@code cancelled}, {@code duplicate})
 * @param outsideArea features outside the study area (imported unless the inside-area filter is on); -1 when
 *                    the workspace has no study area
 * @param cancelled records removed by cancellations (SLMPD {@code Count = -1} pairs, both rows counted)
 * @param repaired invalid geometries repaired before import
 * @param droppedColumns person-data columns not imported
 * @param sourceCrs the CRS the source was read in
 * @param workingCrs the workspace's CRS the features are stored in
 * @param problems located problems, each saying what to do
 */
public record ImportReport(String layer, long read, long imported, Map<String, Long> skipped, long outsideArea,
                           long cancelled, long repaired, List<String> droppedColumns, String sourceCrs,
                           String workingCrs, List<Problem> problems) {

    public ImportReport {
        skipped = Map.copyOf(skipped);
        droppedColumns = List.copyOf(droppedColumns);
        problems = List.copyOf(problems);
    }

    /** Records skipped for any reason. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The report as JSON: {@code {"layer", "read", "imported", "skipped": {...}, "problems": [...], ...}}. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("layer", layer);
            g.writeNumberField("read", read);
            g.writeNumberField("imported", imported);
            g.writeObjectFieldStart("skipped");
            for (var e : new java.util.TreeMap<>(skipped).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            if (outsideArea >= 0) {
                g.writeNumberField("outside_area", outsideArea);
            } else {
                g.writeNullField("outside_area");
            }
            g.writeNumberField("cancelled", cancelled);
            g.writeNumberField("repaired", repaired);
            g.writeArrayFieldStart("dropped_columns");
            for (String c : droppedColumns) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeStringField("source_crs", sourceCrs);
            g.writeStringField("working_crs", workingCrs);
            g.writeArrayFieldStart("problems");
            for (Problem p : problems) {
                g.writeStartObject();
                g.writeStringField("file", p.file());
                g.writeNumberField("row", p.row());
                if (p.field() == null) {
                    g.writeNullField("field");
                } else {
                    g.writeStringField("field", p.field());
                }
                g.writeStringField("message", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
