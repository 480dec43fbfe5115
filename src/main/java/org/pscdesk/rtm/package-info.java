/** The Risk Terrain Modeling engine: arrays in, immutable results out; no I/O, no SQL, no JavaFX. */
package org.pscdesk.rtm;
