import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import com.gluonhq.maps.MapView;

import org.pscdesk.geo.Crs;
import org.pscdesk.geo.Grid;
import org.pscdesk.store.Settings;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.CellSurface;
import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.map.TileSources;
import org.pscdesk.ui.workspace.LoadedWorkspace;
import org.pscdesk.ui.workspace.WorkspaceLoader;

/**
 * Issue 6 frame-time benchmark: a 1280×800 window with the workspace's map and a risk surface of N cells
 * (default 200,000, risk classes drawn at random over the workspace's extent) is panned and zoomed
 * programmatically, one step per pulse, and the time between pulses is recorded. Pulses run at full speed
 * (javafx.animation.fullspeed=true, set by bench/frames.sh), so an interval is the cost of one frame: layout,
 * the vector canvas repaint and the software rendering of the scene. Prints median, 90th and 99th percentiles.
 */
public class FrameBench {

    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        int cells = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        LoadedWorkspace loaded = WorkspaceLoader.load(ws, false, Settings.load(), Path.of(System.getProperty(
                "java.io.tmpdir"), "pscdesk-frame-bench-tiles"), (m, f) -> { });
        TileSources.use(loaded.basemap());
        var extent = loaded.workspace().layers().stream().filter(l -> l.extent() != null).map(l -> l.extent())
                .reduce((a, b) -> { var e = new org.locationtech.jts.geom.Envelope(a); e.expandToInclude(b); return e; })
                .orElseThrow();
        double side = Math.sqrt(extent.getWidth() * extent.getHeight() / cells);
        int nx = (int) Math.ceil(extent.getWidth() / side);
        int ny = (int) Math.ceil(extent.getHeight() / side);
        Grid grid = new Grid(extent.getMinX(), extent.getMinY(), side, nx, ny);
        int n = Math.min(cells, grid.size());
        int[] ids = new int[n];
        int[] argb = new int[n];
        Random random = new Random(1);
        Theme theme = Theme.base();
        for (int k = 0; k < n; k++) {
            ids[k] = k;
            javafx.scene.paint.Color c = theme.color("-psc-risk-" + (1 + random.nextInt(5)), 0.8);
            argb[k] = (int) (c.getOpacity() * 255) << 24 | (int) (c.getRed() * 255) << 16
                    | (int) (c.getGreen() * 255) << 8 | (int) (c.getBlue() * 255);
        }
        CellSurface surface = new CellSurface(grid, loaded.crs(), ids, argb);
        System.out.printf(Locale.ROOT, "surface: %,d cells of %.1f units (%d × %d)%n", n, side, nx, ny);
        Platform.startup(() -> {
            MapView.setPlaceholderImageSupplier(TileSources::placeholder);
            MapPane map = new MapPane(loaded.map(), loaded.styles(), theme);
            long t0 = System.nanoTime();
            map.setSurface(surface, 0.85);
            if (args.length > 3 && args[3].equals("novector")) {
                loaded.map().layers().forEach(l -> map.overlay().setLayerVisible(l.name(), false));
            }
            if (args.length > 3 && args[3].equals("bare")) {
                loaded.map().layers().forEach(l -> map.overlay().setLayerVisible(l.name(), false));
                map.setSurface(null, 0);
            }
            if (args.length > 3 && args[3].startsWith("bare-")) {
                loaded.map().layers().forEach(l -> map.overlay().setLayerVisible(l.name(), false));
                map.setSurface(null, 0);
                if (args[3].contains("noclip")) {
                    map.setClip(null);
                }
                if (args[3].contains("nocanvas")) {
                    map.overlay().setVisible(false);
                }
            }
            if (args.length > 3 && args[3].equals("nosurface")) {
                map.setSurface(null, 0);
            }
            System.out.printf(Locale.ROOT, "surface image built in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            Stage stage = new Stage();
            Scene scene = new Scene(map, 1280, 800);
            if (args.length > 3 && args[3].equals("gluon")) {
                // the floor: Gluon's map alone, no overlay of ours, panned by its centre
                MapView plain = new MapView();
                plain.setZoom(14.3);
                plain.setCenter(38.64, -90.24);
                scene = new Scene(plain, 1280, 800);
                stage.setScene(scene);
                stage.show();
                double[] c = {38.64, -90.24};
                new AnimationTimer() {
                    final List<Long> intervals = new ArrayList<>();
                    long last;
                    int step = -120;

                    @Override
                    public void handle(long now) {
                        if (step >= 0 && last != 0) {
                            intervals.add(now - last);
                        }
                        last = now;
                        if (++step <= 0) {
                            return;
                        }
                        c[1] += (step % 200 < 100 ? 1 : -1) * 0.0004;
                        plain.setCenter(c[0], c[1]);
                        if (step >= steps) {
                            stop();
                            report(intervals);
                            System.exit(0);
                        }
                    }
                }.start();
                return;
            }
            stage.setScene(scene);
            stage.show();
            new AnimationTimer() {
                final List<Long> intervals = new ArrayList<>();
                long last;
                int step = -120; // two seconds to draw and settle before measuring

                @Override
                public void handle(long now) {
                    if (step >= 0 && last != 0) {
                        intervals.add(now - last);
                    }
                    last = now;
                    step++;
                    if (step <= 0) {
                        return;
                    }
                    int phase = step % 200;
                    if (phase < 80) {
                        map.panBy(phase < 40 ? 12 : -12, phase < 40 ? 5 : -5);
                    } else if (phase < 140) {
                        map.zoomAround(phase < 110 ? 0.05 : -0.05, 640, 400); // as the mouse wheel does
                    } else {
                        map.panBy(phase < 170 ? -9 : 9, 0);
                    }
                    if (step >= steps) {
                        stop();
                        report(intervals);
                        Platform.exit();
                        System.exit(0);
                    }
                }
            }.start();
        });
    }

    static void report(List<Long> intervals) {
        double[] ms = intervals.stream().mapToDouble(v -> v / 1e6).sorted().toArray();
        System.out.printf(Locale.ROOT, "frames: %d; frame time median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms.length, pct(ms, 0.5), pct(ms, 0.9), pct(ms, 0.99), ms[ms.length - 1]);
        System.out.println("  (" + Arrays.toString(Arrays.copyOf(ms, Math.min(5, ms.length))) + " fastest)");
    }

    static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
