package org.pscdesk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A command line run in-process: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((ws, s, p) -> 1, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
