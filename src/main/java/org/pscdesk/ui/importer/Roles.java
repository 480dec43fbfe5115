package org.pscdesk.ui.importer;

import java.util.List;

import org.pscdesk.store.LayerRole;

/** Layer roles in the words a broker uses. */
final class Roles {

    /** In the order the wizard offers them. */
    static final List<LayerRole> ORDER = List.of(LayerRole.OUTCOME, LayerRole.FACTOR, LayerRole.AREA,
            LayerRole.REFERENCE);

    private Roles() {
    }

    static String label(LayerRole role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case OUTCOME -> "Incidents (the problem to explain)";
            case FACTOR -> "Risk factor";
            case AREA -> "Study area boundary";
            case REFERENCE -> "Reference (neighbourhoods, districts…)";
            case RESULT -> "Risk model result";
        };
    }

    /** One line under the role choice saying what the choice means. */
    static String explanation(LayerRole role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case OUTCOME -> "The events the model explains. Shown on maps only as counts per square, never as points.";
            case FACTOR -> "Places that may attract or enable the problem (bars, vacant lots, bus stops…).";
            case AREA -> "The outline of the area studied; features outside it are counted in every report.";
            case REFERENCE -> "Context for the map and for reports; not used by the model.";
            case RESULT -> "Cells of a saved risk model run, written by PSC Desk.";
        };
    }
}
