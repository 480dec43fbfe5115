/** The map: Gluon Maps view, the feature overlay drawn on one canvas, and the offline basemap tiles. */
package org.pscdesk.ui.map;
