/**
 * What leaves PSC Desk for other people: the {@link org.pscdesk.report.PrivacyFilter}, the only path by which
 * data reach the projector, public PDFs and public exports, and (later) the minutes and exports themselves.
 * Headless: never imports JavaFX.
 */
package org.pscdesk.report;
