/** The import wizard (File ▸ Import data…) and the import report / layer details view. */
package org.pscdesk.ui.importer;
