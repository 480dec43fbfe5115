package org.pscdesk.meeting;

/** The part of the community an organization belongs to; the keys are stored in the workspace. */
public enum Sector {
    POLICE,
    CITY_AGENCY,
    SERVICE_PROVIDER,
    COMMUNITY_ORG,
    BUSINESS,
    RESIDENT_GROUP,
    FAITH,
    SCHOOL;

    /** The stored key, for example {@code city_agency}. */
    public String key() {
        return Keys.of(this);
    }

    /** The sector with this key; throws {@link IllegalArgumentException} for an unknown key. */
    public static Sector of(String key) {
        return Keys.parse(Sector.class, key, "sector");
    }
}
