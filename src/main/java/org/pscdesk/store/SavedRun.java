package org.pscdesk.store;

import java.util.Objects;

/**
 * An RTM run kept in a workspace ({@code psc_runs}).
 *
 * @param name the run's id, chosen by the user ({@code --save NAME})
 * @param createdAt when it was saved, ISO-8601 UTC
 * @param softwareVersion the PSC Desk version that produced it
 * @param parametersJson the layers, cell universe and model options, as JSON
 * @param inputsJson fingerprints of the input layers, as JSON
 * @param resultJson the result as {@code pscdesk rtm --json} writes it
 * @param cellsLayer the per-cell feature layer's table name
 */
public record SavedRun(String name, String createdAt, String softwareVersion, String parametersJson,
                       String inputsJson, String resultJson, String cellsLayer) {
    public SavedRun {
        Objects.requireNonNull(name);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(softwareVersion);
        Objects.requireNonNull(parametersJson);
        Objects.requireNonNull(inputsJson);
        Objects.requireNonNull(resultJson);
        Objects.requireNonNull(cellsLayer);
    }
}
