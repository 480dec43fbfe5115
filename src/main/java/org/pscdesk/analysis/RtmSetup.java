package org.pscdesk.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.Increment;

/**
 * Which layers and which cell universe a run uses (issue 5, item 1–2 and the CLI defaults).
 *
 * @param outcome the outcome layer's name
 * @param factors the risk factors
 * @param area the area layer's name, or null for the workspace's only {@code area} layer
 * @param blockLength block length with an optional unit ({@code 400ft}, {@code 150m}), or null for the workspace
 *                    setting, else 400 ft
 * @param cellSize cell size with an optional unit, or null for half the block length
 * @param maxBlocks bands up to this many blocks
 * @param increment whole or half blocks
 * @param testFrom events on or after this date form the test period (validation), or null for none
 * @param membership centre-in-area (default) or any overlap
 */
public record RtmSetup(String outcome, List<FactorSpec> factors, String area, String blockLength, String cellSize,
                       int maxBlocks, Increment increment, LocalDate testFrom, StudyMask.Membership membership) {

    public RtmSetup {
        Objects.requireNonNull(outcome);
        factors = List.copyOf(factors);
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("name at least one risk factor layer");
        }
        Objects.requireNonNull(increment);
        Objects.requireNonNull(membership);
    }
}
