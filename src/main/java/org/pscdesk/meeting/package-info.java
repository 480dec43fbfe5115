/** The collaborative's directory and meetings as plain Java values: no JDBC, no JavaFX. */
package org.pscdesk.meeting;
