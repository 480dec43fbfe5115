package org.pscdesk.cli;

import org.pscdesk.store.WorkspaceException;

/** Maps workspace errors to CLI exit codes. */
final class WorkspaceErrors {
    private WorkspaceErrors() {
    }

    static CliException toCli(WorkspaceException e) {
        int code = e.reason() == WorkspaceException.Reason.IO ? ExitCodes.FAILURE : ExitCodes.BAD_INPUT;
        return new CliException(code, e.getMessage(), e);
    }
}
