package org.pscdesk.meeting;

/** Where a meeting's record stands. A finalized record is the minutes of record and is no longer edited. */
public enum MeetingStatus {
    DRAFT,
    IN_PROGRESS,
    FINALIZED;

    /** The stored key, for example {@code in_progress}. */
    public String key() {
        return Keys.of(this);
    }

    /** The status with this key; throws {@link IllegalArgumentException} for an unknown key. */
    public static MeetingStatus of(String key) {
        return Keys.parse(MeetingStatus.class, key, "meeting status");
    }
}
