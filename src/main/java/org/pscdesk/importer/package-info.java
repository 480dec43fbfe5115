/** Reading the formats a broker is handed (CSV, SLMPD, GeoJSON, Shapefile, KML, GTFS, GeoPackage) into layers. */
package org.pscdesk.importer;
