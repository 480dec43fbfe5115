package org.pscdesk.cli;

/** Exit codes of every command; documented in the README. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Unexpected failure (a bug, or a disk error): run again with --debug and report it. */
    public static final int FAILURE = 1;
    /** Usage error: unknown command or option, missing argument. */
    public static final int USAGE = 2;
    /** Bad input: file missing, not a workspace, corrupt, wrong format, output exists without --force. */
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
