package org.pscdesk.meeting;

import java.util.Objects;

/**
 * A partner organization of the collaborative (a department, a provider, a block club...). Organizations,
 * not people, are recorded: the directory holds no personal data.
 *
 * @param id the stored id, 0 before the organization is stored
 * @param name unique display name
 * @param sector the part of the community it belongs to
 */
public record Organization(long id, String name, Sector sector) {
    public Organization {
        Objects.requireNonNull(name);
        Objects.requireNonNull(sector);
        if (name.isBlank()) {
            throw new IllegalArgumentException("an organization needs a name");
        }
    }

    /** A new, not yet stored organization. */
    public Organization(String name, Sector sector) {
        this(0, name, sector);
    }

    /** This organization with the id the store gave it. */
    public Organization withId(long newId) {
        return new Organization(newId, name, sector);
    }
}
