package org.pscdesk.meeting;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A task agreed at a meeting: who does what, where, by when (the T of ACTION).
 *
 * @param id the stored id, 0 before the item is stored
 * @param meetingId the meeting that agreed it
 * @param ownerOrgId the organization that owes it
 * @param programId the program it is done under, or null
 * @param placeLabel the place it is for, in words (e.g. "Old Mill: 9th Street &amp; Elm Avenue"), or null
 * @param description what is to be done
 * @param dueOn when it is due, or null
 * @param status where it stands
 */
public record ActionItem(long id, long meetingId, long ownerOrgId, Long programId, String placeLabel,
                         String description, LocalDate dueOn, ActionItemStatus status) {
    public ActionItem {
        Objects.requireNonNull(description);
        Objects.requireNonNull(status);
        if (description.isBlank()) {
            throw new IllegalArgumentException("an action item needs a description");
        }
    }

    /** A new, not yet stored action item. */
    public ActionItem(long meetingId, long ownerOrgId, Long programId, String placeLabel, String description,
                      LocalDate dueOn, ActionItemStatus status) {
        this(0, meetingId, ownerOrgId, programId, placeLabel, description, dueOn, status);
    }

    /** This item with the id the store gave it. */
    public ActionItem withId(long newId) {
        return new ActionItem(newId, meetingId, ownerOrgId, programId, placeLabel, description, dueOn, status);
    }
}
