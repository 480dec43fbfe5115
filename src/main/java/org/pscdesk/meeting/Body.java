package org.pscdesk.meeting;

import java.util.Objects;

/**
 * A body that meets: the collaborative or a working group of it.
 *
 * @param id the stored id, 0 before the body is stored
 * @param name unique display name
 * @param kind collaborative or working group
 * @param parentId the id of the body a working group belongs to, or null for a top-level body
 */
public record Body(long id, String name, BodyKind kind, Long parentId) {
    public Body {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a body needs a name");
        }
    }

    /** A new, not yet stored body. */
    public Body(String name, BodyKind kind, Long parentId) {
        this(0, name, kind, parentId);
    }

    /** This body with the id the store gave it. */
    public Body withId(long newId) {
        return new Body(newId, name, kind, parentId);
    }
}
