/** Spatial influence of risk factors: proximity and kernel-density band variables, and event counts per cell. */
package org.pscdesk.rtm.influence;
