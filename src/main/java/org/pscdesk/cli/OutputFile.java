package org.pscdesk.cli;

import java.nio.file.Path;

import org.pscdesk.store.WorkspaceException;

/**
 * The commands' side of {@link org.pscdesk.store.OutputFile} (one implementation for the CLI and the app):
 * its refusals as CLI errors, an existing file with the hint to add {@code --force}.
 */
final class OutputFile {

    private OutputFile() {
    }

    static void write(Path target, boolean force, org.pscdesk.store.OutputFile.Writer<RuntimeException> writer) {
        try {
            org.pscdesk.store.OutputFile.write(target, force, writer);
        } catch (WorkspaceException e) {
            throw toCli(e);
        }
    }

    /** Checks the output file before long work starts. */
    static void check(Path target, boolean force) {
        try {
            org.pscdesk.store.OutputFile.check(target, force);
        } catch (WorkspaceException e) {
            throw toCli(e);
        }
    }

    /** Writes a text file atomically, replacing an existing one. */
    static void writeText(Path target, String text) {
        try {
            org.pscdesk.store.OutputFile.writeText(target, text);
        } catch (WorkspaceException e) {
            throw toCli(e);
        }
    }

    static CliException toCli(WorkspaceException e) {
        if (e.reason() == WorkspaceException.Reason.EXISTS) {
            return new CliException(ExitCodes.BAD_INPUT, e.file() + " already exists; add --force to replace it.", e);
        }
        return WorkspaceErrors.toCli(e);
    }
}
