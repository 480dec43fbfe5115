/** Coordinate systems, transforms and grids; JTS and proj4j live here and in the importer. */
package org.pscdesk.geo;
