package org.pscdesk.ui.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.pscdesk.geo.Crs;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Settings;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.TaskProgress;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.BasemapSource;
import org.pscdesk.ui.map.GeneratedBasemap;
import org.pscdesk.ui.map.LayerStyles;
import org.pscdesk.ui.map.MapData;
import org.pscdesk.ui.map.MapDataLoader;
import org.pscdesk.ui.map.MbTilesBasemap;

/** Opens a workspace and prepares what the window shows; runs off the UI thread. */
public final class WorkspaceLoader {

    /** Workspace metadata key naming an MBTiles basemap (absolute, or relative to the workspace's folder). */
    static final String MBTILES_META = "basemap_mbtiles";

    private static final Logger LOG = Logger.getLogger(WorkspaceLoader.class.getName());

    private WorkspaceLoader() {
    }

    public static LoadedWorkspace load(Path file, boolean adopt, Settings settings, Path tileCache, TaskProgress progress)
            throws WorkspaceException {
        progress.update("Opening " + file.getFileName() + "…", -1);
        Workspace ws = Workspace.open(file, adopt);
        try {
            // Saved runs' cell layers belong to the analysis screen, not to the map's plain layers.
            List<LayerInfo> layers = ws.layers().stream().filter(l -> l.role() != LayerRole.RESULT).toList();
            Crs crs = workingCrs(ws);
            MapData map = MapDataLoader.load(ws, layers, progress);
            progress.update("Preparing the basemap…", 1);
            GeneratedBasemap generated = new GeneratedBasemap(map, Theme.base(), tileCache);
            BasemapSource basemap = generated;
            String notice = null;
            Optional<Path> mbtiles = mbtiles(ws, settings);
            if (mbtiles.isPresent()) {
                try {
                    basemap = MbTilesBasemap.open(mbtiles.get(), generated);
                } catch (IllegalArgumentException e) {
                    notice = e.getMessage() + " Using the basemap drawn from the workspace.";
                }
            }
            if (!ws.claimForEditing()) {
                String readOnly = "Opened read-only: another PSC Desk window has " + ws.file().getFileName()
                        + " open. You can look around here; to edit, close it there and open it again here.";
                notice = notice == null ? readOnly : readOnly + " " + notice;
            }
            String name = ws.meta("name").filter(s -> !s.isBlank()).orElse(baseName(ws.file()));
            return new LoadedWorkspace(ws, ws.file(), name, crs, layers, map,
                    LayerStyles.assign(layers, Theme.base()), basemap, notice);
        } catch (WorkspaceException | RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    private static Crs workingCrs(Workspace ws) {
        try {
            return ws.crs().orElse(null);
        } catch (WorkspaceException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "unreadable working CRS in " + ws.file(), e);
            return null;
        }
    }

    private static Optional<Path> mbtiles(Workspace ws, Settings settings) throws WorkspaceException {
        Optional<String> own = ws.meta(MBTILES_META).filter(s -> !s.isBlank());
        if (own.isPresent()) {
            Path p = Path.of(own.get().trim());
            return Optional.of(p.isAbsolute() ? p : ws.file().toAbsolutePath().getParent().resolve(p));
        }
        return settings.mbtiles();
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
