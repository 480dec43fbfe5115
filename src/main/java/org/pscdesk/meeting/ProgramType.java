package org.pscdesk.meeting;

/** What kind of response a program is; the keys are stored in the workspace. */
public enum ProgramType {
    /** Inspections, code and licence enforcement, business checks. */
    ENFORCEMENT,
    /** Youth programmes, safe passage, anything that acts before harm. */
    PREVENTION,
    /** Changes to the place itself: lighting, blight, vacant-lot greening. */
    ENVIRONMENTAL,
    /** Health, addiction, mental-health and family services. */
    SOCIAL_SERVICE,
    /** Street outreach and violence interruption. */
    OUTREACH;

    /** The stored key, for example {@code social_service}. */
    public String key() {
        return Keys.of(this);
    }

    /** The type with this key; throws {@link IllegalArgumentException} for an unknown key. */
    public static ProgramType of(String key) {
        return Keys.parse(ProgramType.class, key, "program type");
    }
}
