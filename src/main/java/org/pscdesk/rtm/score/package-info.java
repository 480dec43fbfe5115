/** Scores from a fitted model: relative risk scores, risk classes, priority quadrants. */
package org.pscdesk.rtm.score;
