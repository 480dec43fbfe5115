package org.pscdesk.meeting;

/** Whether a body is the collaborative itself or one of its working groups. */
public enum BodyKind {
    COLLABORATIVE,
    WORKING_GROUP;

    /** The stored key, for example {@code working_group}. */
    public String key() {
        return Keys.of(this);
    }

    /** The kind with this key; throws {@link IllegalArgumentException} for an unknown key. */
    public static BodyKind of(String key) {
        return Keys.parse(BodyKind.class, key, "body kind");
    }
}
