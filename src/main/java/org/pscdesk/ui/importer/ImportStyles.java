package org.pscdesk.ui.importer;

/** Style-class names of the import screens, defined in {@code importer/import.css}. */
final class ImportStyles {

    static final String CSS = "/org/pscdesk/ui/importer/import.css";

    static final String WIZARD = "import-wizard";
    static final String HEADER = "import-header";
    static final String TITLE = "import-title";
    static final String SUBTITLE = "import-subtitle";
    static final String FORM = "import-form";
    static final String SECTION = "import-section";
    static final String SECTION_TITLE = "import-section-title";
    static final String STEP = "import-step";
    static final String FIELD_LABEL = "import-field-label";
    static final String HINT = "import-hint";
    static final String HINT_WARN = "import-hint-warn";
    static final String HINT_OK = "import-hint-ok";
    static final String HINT_NOTE = "import-hint-note";
    static final String FILE_LIST = "import-file-list";
    static final String PREVIEW = "import-preview";
    static final String PREVIEW_CAPTION = "import-preview-caption";
    static final String PREVIEW_MAP = "import-preview-map";
    static final String PERSONAL_HEADER = "personal-header";
    static final String PERSONAL_CELL = "personal-cell";
    static final String KEPT_HEADER = "kept-header";
    static final String MESSAGES = "import-messages";
    static final String MESSAGE_NOTE = "import-message-note";
    static final String MESSAGE_PROBLEM = "import-message-problem";
    static final String ERROR_CARD = "import-error-card";
    static final String ERROR_TITLE = "import-error-title";
    static final String ERROR_TEXT = "import-error-text";
    static final String BUTTON_BAR = "import-button-bar";
    static final String PRIMARY = "import-primary";
    static final String SMALL_BUTTON = "import-small-button";
    static final String STAGE_TEXT = "import-stage-text";
    static final String FILTER_ROW = "import-filter-row";
    static final String SUGGESTION = "crs-suggestion";
    static final String SUGGESTION_ACTIVE = "crs-suggestion-active";
    static final String DROP_READY = "import-drop-ready";
    static final String DROP_HINT = "import-drop-hint";

    static final String REPORT = "import-report";
    static final String REPORT_TITLE = "report-title";
    static final String REPORT_LEAD = "report-lead";
    static final String FIGURE = "report-figure";
    static final String FIGURE_VALUE = "report-figure-value";
    static final String FIGURE_LABEL = "report-figure-label";
    static final String FIGURE_WARN = "report-figure-warn";
    static final String FACT_KEY = "report-fact-key";
    static final String FACT_VALUE = "report-fact-value";
    static final String FACT_HASH = "report-fact-hash";
    static final String REPORT_TABLE = "report-table";
    static final String NUMBER_COLUMN = "number-column";

    private ImportStyles() {
    }
}
