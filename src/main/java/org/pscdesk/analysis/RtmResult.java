package org.pscdesk.analysis;

import java.util.List;

import org.pscdesk.rtm.model.Design;
import org.pscdesk.rtm.model.ElasticNetSelection;
import org.pscdesk.rtm.score.RelativeRisk;
import org.pscdesk.rtm.select.SelectionResult;
import org.pscdesk.rtm.validate.Validation;

/**
 * Everything a run produced.
 *
 * @param table the cells, counts and influence variables of a workspace run, or null for a run on a cell table
 *              read from a file ({@code pscdesk rtm --cells})
 * @param design the candidates as the model stages saw them
 * @param candidates what each design column stands for, in design order
 * @param screen stage 1's cross-validated elastic net, or null when the screen was off
 * @param screened the candidate indices stage 1 kept (all of them without a screen)
 * @param selection stage 2: per family and the chosen one
 * @param risk relative risk scores per cell
 * @param classes risk class codes per cell (1 low .. 4 highest)
 * @param hotSpots cells whose event density is above mean + 2 SD, or null without cell geometry
 * @param quadrants quadrant codes per cell (1 priority .. 4 neither), or null without cell geometry
 * @param validation the test period's figures for the highest-risk cells, or null without a test period
 * @param nagelkerke Nagelkerke's R² of the chosen model against its null model
 * @param notes plain remarks for the report
 */
public record RtmResult(CellTable table, Design design, List<Candidate> candidates, ElasticNetSelection screen,
                        int[] screened, SelectionResult selection, RelativeRisk risk, int[] classes,
                        boolean[] hotSpots, int[] quadrants, Validation validation, double nagelkerke,
                        List<String> notes) {

    public RtmResult {
        candidates = List.copyOf(candidates);
        notes = List.copyOf(notes);
    }

    /** Training events in the cells. */
    public long events() {
        long s = 0;
        for (int c : design.y()) {
            s += c;
        }
        return s;
    }
}
