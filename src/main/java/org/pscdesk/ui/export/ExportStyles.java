package org.pscdesk.ui.export;

/**
 * Style-class names of the export windows. They share the import wizard's look (header, sections, hints,
 * outcome lines, button bar: {@code importer/import.css}); what only they have is in {@code export/export.css}.
 */
final class ExportStyles {

    static final String IMPORT_CSS = "/org/pscdesk/ui/importer/import.css";
    static final String CSS = "/org/pscdesk/ui/export/export.css";

    static final String WINDOW = "import-wizard";
    static final String HEADER = "import-header";
    static final String TITLE = "import-title";
    static final String LEAD = "import-subtitle";
    static final String FORM = "import-form";
    static final String SECTION = "import-section";
    static final String SECTION_TITLE = "import-section-title";
    static final String HINT = "import-hint";
    static final String NOTE = "import-hint-ok";
    static final String OUTCOME_OK = "import-hint-ok";
    static final String OUTCOME_PROBLEM = "import-error-card";
    static final String PROGRESS_TEXT = "import-stage-text";
    static final String BUTTON_BAR = "import-button-bar";
    static final String PRIMARY = "import-primary";

    static final String PROGRESS_ROW = "export-progress-row";
    static final String PREVIEW_FRAME = "export-preview-frame";
    static final String PREVIEW_PAGE = "export-preview-page";
    static final String PREVIEW_INFO = "export-preview-info";
    static final String PLACEHOLDER = "export-placeholder";

    private ExportStyles() {
    }
}
