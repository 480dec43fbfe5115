package org.pscdesk.meeting;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One meeting of a body. Its ACTION notes, attendance and action items are stored beside it.
 *
 * @param id the stored id, 0 before the meeting is stored
 * @param bodyId the body that met
 * @param title display title
 * @param heldOn the date of the meeting
 * @param location where it was held, or null
 * @param facilitator who convened it, as a role (e.g. "PSC analyst"), or null
 * @param status where the record stands
 */
public record Meeting(long id, long bodyId, String title, LocalDate heldOn, String location, String facilitator,
                      MeetingStatus status) {
    public Meeting {
        Objects.requireNonNull(title);
        Objects.requireNonNull(heldOn);
        Objects.requireNonNull(status);
    }

    /** A new, not yet stored meeting. */
    public Meeting(long bodyId, String title, LocalDate heldOn, String location, String facilitator,
                   MeetingStatus status) {
        this(0, bodyId, title, heldOn, location, facilitator, status);
    }

    /** This meeting with the id the store gave it. */
    public Meeting withId(long newId) {
        return new Meeting(newId, bodyId, title, heldOn, location, facilitator, status);
    }
}
