/** The JavaFX desktop app: the only package tree that may use JavaFX, ControlsFX and Gluon Maps. */
package org.pscdesk.ui;
