package org.pscdesk;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.ui.DesktopApp;

/**
 * The main class: a plain class, not the JavaFX {@code Application}, so that CLI commands run without a
 * display and without starting the JavaFX toolkit (deps doc G8). No arguments open the app.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"gui"} : args;
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = PscDeskCommand.execute(DesktopApp::launch, org.pscdesk.ui.render.PngRender::render, out, err, effective);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
