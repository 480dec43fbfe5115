/** Count models of the RTM engine: stage-1 elastic-net Poisson screening and stage-2 Poisson, NB2 and NBII fits. */
package org.pscdesk.rtm.model;
