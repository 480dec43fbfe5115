package org.pscdesk.meeting;

/**
 * The ACTION agenda of a risk-based meeting (rtm-method.md §4.3), in meeting order.
 */
public enum AgendaStep {
    ASSESSMENT("Assessment", "Look at the current risk map, the trends and the places at highest risk."),
    CONNECTIONS("Connections", "Link each place's risk factors to the problem and to the partners who can act there."),
    TASKS("Tasks", "Agree who does what, where, and by when."),
    INTERVENTIONS("Interventions", "Choose the place-based actions that match each risk factor."),
    OUTCOMES("Outcomes", "Check what changed since the last meeting at the places we worked on."),
    NOTIFICATIONS("Notifications", "Decide what to tell partners and the public, and how.");

    private final String title;
    private final String purpose;

    AgendaStep(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    /** The step's name as shown on the agenda. */
    public String title() {
        return title;
    }

    /** One plain-language sentence saying what the step is for. */
    public String purpose() {
        return purpose;
    }

    /** The stored key, for example {@code assessment}. */
    public String key() {
        return Keys.of(this);
    }

    /** The step with this key; throws {@link IllegalArgumentException} for an unknown key. */
    public static AgendaStep of(String key) {
        return Keys.parse(AgendaStep.class, key, "agenda step");
    }
}
