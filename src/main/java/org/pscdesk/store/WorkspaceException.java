package org.pscdesk.store;

import java.nio.file.Path;

/**
 * A workspace could not be created, opened or changed. The message is one plain sentence for the user,
 * naming the file and what to do; {@link #reason()} lets callers choose an exit code or a dialog.
 */
public final class WorkspaceException extends Exception {

    /** Why the workspace was refused. */
    public enum Reason {
        /** The file does not exist or cannot be read. */
        NOT_FOUND,
        /** The file exists already and would be overwritten. */
        EXISTS,
        /** Not an SQLite/GeoPackage file at all (a PNG, an empty file...). */
        NOT_GEOPACKAGE,
        /** An SQLite file that fails its integrity check or is truncated. */
        CORRUPT,
        /** A valid GeoPackage without PSC Desk's tables: can be adopted after confirmation. */
        FOREIGN_GEOPACKAGE,
        /** Written by a newer PSC Desk: never downgraded. */
        NEWER_SCHEMA,
        /** Bad input from the caller, such as an unknown CRS. */
        BAD_INPUT,
        /** A disk or database error while writing. */
        IO
    }

    private final Reason reason;
    private final Path file;

    public WorkspaceException(Reason reason, Path file, String message) {
        super(message);
        this.reason = reason;
        this.file = file;
    }

    public WorkspaceException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}
