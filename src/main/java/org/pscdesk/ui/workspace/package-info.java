/** The main window: menus, layer list, map and status bar for the open workspace. */
package org.pscdesk.ui.workspace;
