/** Runs analyses on a workspace: reads its layers, hands arrays to the RTM engine, shapes the results. */
package org.pscdesk.analysis;
