package org.pscdesk;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.cli.SceneRenderer;
import org.pscdesk.ui.DesktopApp;
import org.pscdesk.ui.render.PngRender;

/**
 * The main class: a plain class, not the JavaFX {@code Application}, so that CLI commands run without a
 * display and without starting the JavaFX toolkit (deps doc G8). No arguments open the app.
 */
public final class Launcher {

    /** Maps drawn headless; several maps of one workspace read it once (the minutes). */
    public static final SceneRenderer RENDERER = new SceneRenderer() {
        @Override
        public String render(Path workspace, String run, String view, boolean projector, int width, int height,
                             Path png) {
            return PngRender.render(workspace, run, view, projector, width, height, png);
        }

        @Override
        public Session session(Path workspace) {
            PngRender.Session maps = PngRender.session(workspace);
            return new Session() {
                @Override
                public String render(String run, String view, boolean projector, int width, int height, Path png) {
                    return maps.render(run, view, projector, width, height, png);
                }

                @Override
                public void close() {
                    maps.close();
                }
            };
        }
    };

    private Launcher() {
    }

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"gui"} : args;
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = PscDeskCommand.execute(DesktopApp::launch, RENDERER, out, err, effective);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
