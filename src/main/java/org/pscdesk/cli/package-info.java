/** The command line: thin picocli commands over the same core services as the app. */
package org.pscdesk.cli;
