package org.pscdesk.meeting;

import java.util.List;
import java.util.Objects;

/**
 * A program a partner runs that the collaborative can direct to a place.
 *
 * @param id the stored id, 0 before the program is stored
 * @param name unique display name
 * @param ownerOrgId the organization that runs it
 * @param type what kind of response it is
 * @param description one or two plain sentences
 * @param factors names of the risk-factor layers it addresses (lower-case layer names, no commas)
 * @param capacity what it can deliver, in the owner's words (e.g. "40 inspections a month"), or null
 */
public record Program(long id, String name, long ownerOrgId, ProgramType type, String description,
                      List<String> factors, String capacity) {
    public Program {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(description);
        factors = List.copyOf(factors);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a program needs a name");
        }
        for (String factor : factors) {
            if (factor.isBlank() || factor.contains(",")) {
                throw new IllegalArgumentException("'" + factor + "' is not a layer name");
            }
        }
    }

    /** A new, not yet stored program. */
    public Program(String name, long ownerOrgId, ProgramType type, String description, List<String> factors,
                   String capacity) {
        this(0, name, ownerOrgId, type, description, factors, capacity);
    }

    /** This program with the id the store gave it. */
    public Program withId(long newId) {
        return new Program(newId, name, ownerOrgId, type, description, factors, capacity);
    }
}
