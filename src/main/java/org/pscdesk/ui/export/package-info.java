/** The Export menu: the minutes as PDF with a preview of the first page, and data for GIS users. */
package org.pscdesk.ui.export;
