package org.pscdesk.analysis;

import java.util.List;

import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.BandVariable;
import org.pscdesk.rtm.model.Design;

/**
 * The cells of a run and everything the model stages need: the study mask, events per in-study cell for the
 * training period (and the test period when there is one), and the candidate variables.
 *
 * @param mask the in-study cells of the grid; table row k is grid cell {@code mask.cell(k)}
 * @param blockLength block length in working-CRS units
 * @param blockLengthDefaulted true when no block length was given or stored and the default was used
 * @param counts training-period events per in-study cell
 * @param testCounts test-period events per cell, or null without a test period
 * @param eventsDropped events that fell outside the in-study cells
 * @param variables the candidate variables (informative ones only), in factor then band order
 * @param notes plain remarks for the report (defaults used, factors without features, dropped variables)
 * @param inputs the workspace layers the table was built from (table names)
 */
public record CellTable(StudyMask mask, double blockLength, boolean blockLengthDefaulted, int[] counts,
                        int[] testCounts, int eventsDropped, List<BandVariable> variables, List<String> notes,
                        Inputs inputs) {

    /** The layers a run read: outcome, study area and factors, by table name. */
    public record Inputs(String outcome, String area, List<String> factors) {
        public Inputs {
            factors = List.copyOf(factors);
        }
    }

    public CellTable {
        variables = List.copyOf(variables);
        notes = List.copyOf(notes);
    }

    /** The design for the model stages: training counts and the candidate variables. */
    public Design design() {
        double[][] columns = new double[variables.size()][];
        String[] names = new String[variables.size()];
        String[] factors = new String[variables.size()];
        for (int j = 0; j < columns.length; j++) {
            BandVariable v = variables.get(j);
            columns[j] = v.column();
            names[j] = v.name();
            factors[j] = v.factor();
        }
        return new Design(counts, java.util.Arrays.asList(names), java.util.Arrays.asList(factors), columns);
    }

    /** Total training events counted in cells. */
    public long events() {
        long s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }
}
