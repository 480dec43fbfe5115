package org.pscdesk.analysis;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscdesk.rtm.influence.BandVariable;

/**
 * What a candidate variable stands for, as the result reports it.
 *
 * @param name the variable's name ({@code bus_stops_proximity_500})
 * @param factor the factor it belongs to (for the one-per-factor rule)
 * @param operationalization {@code proximity} or {@code density}, or null when unknown (a user's cell table)
 * @param distance the band distance in working-CRS units, or NaN when unknown
 */
public record Candidate(String name, String factor, String operationalization, double distance) {

    /** RTMDx's variable name pattern, {@code <factor>_<proximity|density>_<d>}. */
    private static final Pattern RTM_NAME = Pattern.compile("(.+)_(proximity|density)_([0-9.]+)(m|ft)?");

    public Candidate {
        Objects.requireNonNull(name);
        Objects.requireNonNull(factor);
    }

    static Candidate of(BandVariable v) {
        return new Candidate(v.name(), v.factor(), v.operationalization().label(), v.distance());
    }

    /**
     * A column of someone's cell table: its own factor (issue 5: each column is one factor); operationalization
     * and distance are read from a name in RTMDx's pattern, for the report only.
     */
    static Candidate ofColumn(String column) {
        Matcher m = RTM_NAME.matcher(column);
        if (m.matches()) {
            return new Candidate(column, column, m.group(2), Double.parseDouble(m.group(3)));
        }
        return new Candidate(column, column, null, Double.NaN);
    }
}
