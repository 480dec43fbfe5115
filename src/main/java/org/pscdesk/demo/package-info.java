/** The deterministic demo city: a synthetic workspace with a planted risk model (docs/demo-city.md). */
package org.pscdesk.demo;
