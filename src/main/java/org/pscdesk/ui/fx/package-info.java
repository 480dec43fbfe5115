/** Small JavaFX helpers shared by all screens: dialogs, background tasks, theme colours, style classes. */
package org.pscdesk.ui.fx;
