package org.pscdesk.importer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pscdesk.store.LayerRole;

/**
 * Everything one import needs: the files, what the layer is, and the user's choices. The CLI's
 * {@code pscdesk import} options and the app's wizard both fill it.
 *
 * @param files one or more files (several only for presets that merge files, such as SLMPD months), or a
 *              folder or zip for the SLMPD preset
 * @param role what the layer is for
 * @param name layer name (becomes the table name)
 * @param read reader options: CRS, coordinate columns, zip member, encoding
 * @param preset {@code slmpd}, {@code gtfs} or null
 * @param filters attribute filters: field → accepted values, compared as text, case-insensitively
 * @param dateFrom first date kept (inclusive), or null
 * @param dateTo last date kept (inclusive), or null
 * @param dateColumn the column holding each event's date (outcome layers), or null for the preset's
 * @param categoryColumn the column holding each event's category (outcome layers), or null for the preset's
 * @param insideAreaOnly keep only features inside the workspace's study area (the count outside is always
 *                       reported)
 * @param keepColumns person-data columns the user explicitly keeps (otherwise dropped)
 * @param mode create, replace or append
 * @param appendKey columns that identify a row when appending (null: the preset's key)
 */
public record ImportRequest(List<Path> files, LayerRole role, String name, ReadOptions read, String preset,
                            Map<String, Set<String>> filters, LocalDate dateFrom, LocalDate dateTo,
                            String dateColumn, String categoryColumn, boolean insideAreaOnly,
                            Set<String> keepColumns, Mode mode, List<String> appendKey) {

    /** How the layer is written. */
    public enum Mode { CREATE, REPLACE, APPEND }

    public ImportRequest {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to import");
        }
        Objects.requireNonNull(role);
        Objects.requireNonNull(name);
        read = read == null ? ReadOptions.DEFAULTS : read;
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        keepColumns = keepColumns == null ? Set.of() : Set.copyOf(keepColumns);
        mode = mode == null ? Mode.CREATE : mode;
        appendKey = appendKey == null ? null : List.copyOf(appendKey);
    }

    /** A plain import of one file with defaults. */
    public static ImportRequest of(Path file, LayerRole role, String name) {
        return new ImportRequest(List.of(file), role, name, ReadOptions.DEFAULTS, null, Map.of(), null, null, null,
                null, false, Set.of(), Mode.CREATE, null);
    }
}
