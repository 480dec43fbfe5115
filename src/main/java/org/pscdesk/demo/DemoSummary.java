package org.pscdesk.demo;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link DemoCity#write} wrote.
 *
 * @param file the workspace file
 * @param seed the seed it was generated from
 * @param layerCounts feature count per layer name, in the order the layers were written
 * @param studyCells number of 100 m RTM cells in the study area
 * @param organizations organizations in the directory
 * @param bodies the collaborative and its working groups
 * @param programs programs in the catalog
 * @param meetings past meetings
 * @param openActionItems action items still open
 */
public record DemoSummary(Path file, long seed, Map<String, Long> layerCounts, int studyCells, int organizations,
                          int bodies, int programs, int meetings, int openActionItems) {

    public DemoSummary {
        layerCounts = Collections.unmodifiableMap(new LinkedHashMap<>(layerCounts));
    }

    /** The number of features of a layer; throws for a layer the demo does not have. */
    public long count(String layer) {
        Long n = layerCounts.get(layer);
        if (n == null) {
            throw new IllegalArgumentException("the demo has no layer '" + layer + "'");
        }
        return n;
    }

    /** The number of incidents. */
    public long incidents() {
        return count("incidents");
    }
}
