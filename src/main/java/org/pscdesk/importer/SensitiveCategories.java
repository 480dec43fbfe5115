package org.pscdesk.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which outcome records are sensitive: sexual offences, domestic and child-victim incidents. Such records are
 * flagged at import ({@code sensitive} = true) so that every public product can leave them out
 * (peers-and-practice §3.3). The list is a set of case-insensitive terms matched inside the category and
 * description; a workspace can replace it ({@code psc_meta.sensitive_categories}, terms separated by
 * {@code |}).
 */
public final class SensitiveCategories {

    /** The default terms. */
    public static final List<String> DEFAULT = List.of("rape", "sodomy", "sex offense", "sex offence", "sexual",
            "fondling", "incest", "domestic", "child abuse", "child molest", "against the family", "offense against family",
            "offenses against family", "family offense");

    private final List<String> terms;

    public SensitiveCategories(List<String> terms) {
        List<String> clean = new ArrayList<>();
        for (String t : terms) {
            if (!t.isBlank()) {
                clean.add(t.trim().toLowerCase(Locale.ROOT));
            }
        }
        this.terms = List.copyOf(clean);
    }

    public static SensitiveCategories defaults() {
        return new SensitiveCategories(DEFAULT);
    }

    /** Parses the workspace setting ({@code term|term|...}). */
    public static SensitiveCategories parse(String setting) {
        return new SensitiveCategories(List.of(setting.split("\\|")));
    }

    public List<String> terms() {
        return terms;
    }

    /** True when any of the texts (category, description...) contains a sensitive term. */
    public boolean matches(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String term : terms) {
                if (lower.contains(term)) {
                    return true;
                }
            }
        }
        return false;
    }
}
