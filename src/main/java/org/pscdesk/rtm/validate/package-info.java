/** Validation of risk surfaces: hit rate, PAI, PEI, AUC and pseudo-R². */
package org.pscdesk.rtm.validate;
