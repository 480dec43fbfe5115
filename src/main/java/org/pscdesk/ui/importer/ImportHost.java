package org.pscdesk.ui.importer;

import java.util.List;

import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.map.MapData;

/** What the import screens need from the main window. Called on the UI thread. */
public interface ImportHost {

    /** The open workspace, or null when none is open. */
    Workspace workspace();

    /** Its name as the title bar shows it. */
    String workspaceName();

    /**
     * Its layers as last loaded: name clashes and the study area are checked against these, so the UI thread
     * never waits for the workspace while an import writes to it.
     */
    List<LayerInfo> layers();

    /** The workspace's shapes for drawing (study area, reference layers), or null. */
    MapData map();

    /** Runs the preview and the import in the background. */
    TaskRunner runner();

    DialogService dialogs();

    /** A layer was written: reload the workspace so it appears in the layer list and on the map. */
    void imported(String layer);
}
