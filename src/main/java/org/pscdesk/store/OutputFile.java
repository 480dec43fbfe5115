package org.pscdesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files we write (workspaces, minutes, exports), for the command line and the app alike: built under a
 * temporary name beside the target, then moved over it, so a failure or a cancel leaves no half file. An
 * existing target is replaced only when the caller says so (the CLI's {@code --force}, the app's file chooser,
 * which has asked). An export can be recorded in the source workspace's audit log together with the move.
 */
public final class OutputFile {

    /**
     * Builds the file at the temporary path it is given.
     *
     * @param <E> a further exception the writer may throw (a cancel), or RuntimeException
     */
    @FunctionalInterface
    public interface Writer<E extends Exception> {
        void write(Path temp) throws WorkspaceException, IOException, E;
    }

    /** An I/O failure of the move inside the audit transaction, carried out of it. */
    private static final class MoveFailed extends RuntimeException {
        MoveFailed(IOException cause) {
            super(cause);
        }
    }

    private OutputFile() {
    }

    /**
     * Checks that {@code target} can be written before long work starts.
     *
     * @throws WorkspaceException BAD_INPUT for a folder or a missing folder, EXISTS for an existing file
     *                            without {@code replace}
     */
    public static Path check(Path target, boolean replace) throws WorkspaceException {
        Path out = target.toAbsolutePath();
        if (Files.isDirectory(out)) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, out, out + " is a folder; give a file"
                    + " name such as " + out.resolve("workspace.gpkg") + ".");
        }
        if (Files.exists(out) && !replace) {
            throw new WorkspaceException(WorkspaceException.Reason.EXISTS, out, out + " already exists.");
        }
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, out, "The folder " + parent
                    + " does not exist; create it first.");
        }
        return out;
    }

    /** Writes {@code target} atomically. */
    public static <E extends Exception> void write(Path target, boolean replace, Writer<E> writer)
            throws WorkspaceException, E {
        write(target, replace, writer, null, null);
    }

    /**
     * Writes an export of {@code source} atomically and records it in the source's audit log in the same
     * transaction as the move: the file and its log line appear together. The log names the file, never its
     * folder (a path may name a person's home folder).
     *
     * @param what what was exported, for the log ("minutes of meeting 1, public version")
     */
    public static <E extends Exception> void export(Workspace source, String what, Path target, boolean replace,
                                                    Writer<E> writer) throws WorkspaceException, E {
        write(target, replace, writer, source, what + ", to " + target.getFileName());
    }

    private static <E extends Exception> void write(Path target, boolean replace, Writer<E> writer,
                                                    Workspace audited, String detail) throws WorkspaceException, E {
        Path out = check(target, replace);
        Path temp = out.getParent().resolve("." + out.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        boolean moved = false;
        try {
            deleteWithSidecars(temp);
            writer.write(temp);
            // a stale write-ahead log of the old file must never be replayed into the new one
            Files.deleteIfExists(Path.of(out + "-wal"));
            Files.deleteIfExists(Path.of(out + "-shm"));
            // A window that opened the workspace read-only (another window edits it) cannot write the log;
            // exporting is reading, so it still succeeds, and the editing window's exports are the ones logged.
            if (audited == null || audited.isReadOnly()) {
                move(temp, out);
            } else {
                moveAndLog(audited, detail, temp, out);
            }
            moved = true;
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, out, "Could not write " + out + " ("
                    + e.getMessage() + "); check that the folder is writable and the disk is not full.", e);
        } finally {
            if (!moved) {
                deleteWithSidecars(temp);
            }
        }
    }

    private static void moveAndLog(Workspace ws, String detail, Path temp, Path out)
            throws WorkspaceException, IOException {
        try {
            ws.inTransaction(c -> {
                ws.audit(c, "export", detail);
                try {
                    move(temp, out);
                } catch (IOException e) {
                    throw new MoveFailed(e); // rolls the log line back
                }
                return null;
            });
        } catch (WorkspaceException e) {
            if (e.getCause() instanceof MoveFailed m) {
                throw (IOException) m.getCause();
            }
            throw e;
        }
    }

    private static void move(Path temp, Path out) throws IOException {
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes a text file atomically (temp file, then move), replacing an existing one. */
    public static void writeText(Path target, String text) throws WorkspaceException {
        write(target, true, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
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
