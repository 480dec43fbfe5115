package org.pscdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.pscdesk.store.WorkspaceException;

/**
 * Writes a new workspace file atomically: built under a temporary name beside the target, then moved
 * over it. An existing target is replaced only with {@code --force}; a failure leaves no half file.
 */
final class OutputFile {

    /** Builds the file at the path it is given. */
    @FunctionalInterface
    interface Writer {
        void write(Path temp) throws WorkspaceException;
    }

    private OutputFile() {
    }

    static void write(Path target, boolean force, Writer writer) {
        Path out = target.toAbsolutePath();
        if (Files.isDirectory(out)) {
            throw new CliException(ExitCodes.BAD_INPUT, out + " is a folder; give a file name such as " + out.resolve("workspace.gpkg") + ".");
        }
        if (Files.exists(out) && !force) {
            throw new CliException(ExitCodes.BAD_INPUT, out + " already exists; add --force to replace it.");
        }
        Path parent = out.getParent();
        if (!Files.isDirectory(parent)) {
            throw new CliException(ExitCodes.BAD_INPUT, "The folder " + parent + " does not exist; create it first.");
        }
        Path temp = parent.resolve("." + out.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            deleteWithSidecars(temp);
            writer.write(temp);
            // a stale write-ahead log of the old file must never be replayed into the new one
            Files.deleteIfExists(Path.of(out + "-wal"));
            Files.deleteIfExists(Path.of(out + "-shm"));
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (WorkspaceException e) {
            deleteWithSidecars(temp);
            throw WorkspaceErrors.toCli(e);
        } catch (IOException e) {
            deleteWithSidecars(temp);
            throw new CliException(ExitCodes.FAILURE, "Could not write " + out + " (" + e.getMessage()
                    + "); check that the folder is writable and the disk is not full.", e);
        } catch (RuntimeException e) {
            deleteWithSidecars(temp);
            throw e;
        }
    }

    /** Writes a text file atomically (temp file, then move), replacing an existing one. */
    static void writeText(Path target, String text) {
        Path out = target.toAbsolutePath();
        Path temp = out.resolveSibling("." + out.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.writeString(temp, text, java.nio.charset.StandardCharsets.UTF_8);
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteWithSidecars(temp);
            throw new CliException(ExitCodes.FAILURE, "Could not write " + out + " (" + e.getMessage()
                    + "); check that the folder exists and is writable.", e);
        }
    }

    private static void deleteWithSidecars(Path p) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(p + suffix));
            } catch (IOException ignored) {
                // a leftover temporary file does not harm the target
            }
        }
    }
}
