package org.pscdesk.importer;

/** Input that cannot be imported at all; carries the {@link Problem} to show the user. */
public final class ImportException extends Exception {
    private final transient Problem problem;
    private final transient ImportReport report;

    public ImportException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
        this.report = null;
    }

    /** Nothing could be imported; the report says why, row by row. */
    public ImportException(Problem problem, ImportReport report) {
        super(problem.toString());
        this.problem = problem;
        this.report = report;
    }

    public ImportException(Problem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
        this.report = null;
    }

    /** The report of an import that read the input but could keep nothing, or null. */
    public ImportReport report() {
        return report;
    }

    public Problem problem() {
        return problem;
    }
}
