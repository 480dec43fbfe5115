/** Stage-2 model selection: bidirectional stepwise BIC per count family, and the choice between families. */
package org.pscdesk.rtm.select;
