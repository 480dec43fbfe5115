/** Plain-Java contract for background work: progress and cancellation, used by the core, CLI and UI. */
package org.pscdesk.work;
