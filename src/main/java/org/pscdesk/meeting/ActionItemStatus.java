package org.pscdesk.meeting;

/** Where an action item stands. Open and in-progress items are still owed. */
public enum ActionItemStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    DROPPED;

    /** True while the item is still owed (open or in progress). */
    public boolean isOutstanding() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** The stored key, for example {@code in_progress}. */
    public String key() {
        return Keys.of(this);
    }

    /** The status with this key; throws {@link IllegalArgumentException} for an unknown key. */
    public static ActionItemStatus of(String key) {
        return Keys.parse(ActionItemStatus.class, key, "action-item status");
    }
}
