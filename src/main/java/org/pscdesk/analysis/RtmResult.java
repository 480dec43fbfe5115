package org.pscdesk.analysis;

import org.pscdesk.rtm.model.Design;
import org.pscdesk.rtm.model.ElasticNetSelection;
import org.pscdesk.rtm.score.RelativeRisk;
import org.pscdesk.rtm.select.SelectionResult;
import org.pscdesk.rtm.validate.Validation;

/**
 * Everything a run produced.
 *
 * @param table the cells, counts and candidate variables
 * @param design the candidates as the model stages saw them
 * @param screen stage 1's cross-validated elastic net, or null when the screen was off
 * @param screened the candidate indices stage 1 kept (all of them without a screen)
 * @param selection stage 2: per family and the chosen one
 * @param risk relative risk scores per cell
 * @param classes risk class codes per cell (1 low .. 4 highest)
 * @param hotSpots cells whose event density is above mean + 2 SD
 * @param quadrants quadrant codes per cell (1 priority .. 4 neither)
 * @param validation the test period's figures for the highest-risk cells, or null without a test period
 * @param nagelkerke Nagelkerke's R² of the chosen model against its null model
 */
public record RtmResult(CellTable table, Design design, ElasticNetSelection screen, int[] screened,
                        SelectionResult selection, RelativeRisk risk, int[] classes, boolean[] hotSpots,
                        int[] quadrants, Validation validation, double nagelkerke) {
}
