/** The workspace: one GeoPackage file, its layers and the app tables, with Flyway migrations. */
package org.pscdesk.store;
