package org.pscdesk.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises columns that hold data about persons: person names (owner, principal, contact, victim,
 * suspect...), e-mail addresses and phone numbers. They are dropped at import unless the user keeps them,
 * because incidents and their surroundings are about places, never people (peers-and-practice §3.3, §4.2).
 *
 * <p>A column name is split into words (at non-letters and camelCase); it is a person column when a word is
 * a person-data word, or the name ends in a person word plus {@code name}. Place names ({@code stop_name},
 * {@code NHD_NAME}, {@code USER_Trade_Name}, {@code Facility}) are kept.
 */
public final class PersonColumns {

    /** Words that alone mark a column as personal. */
    private static final Set<String> PERSONAL = Set.of("email", "mail", "e-mail", "phone", "telephone", "tel",
            "fax", "mobile", "cellphone", "principal", "owner", "contact", "victim", "suspect", "offender",
            "complainant", "witness", "applicant", "registrant", "licensee", "firstname", "lastname", "surname",
            "fullname", "middlename", "dob", "birthdate", "ssn");
    /** Words that make a following "name" personal ({@code caller_name}, {@code officer_name}). */
    private static final Set<String> PERSON_BEFORE_NAME = Set.of("caller", "officer", "agent", "driver", "person",
            "first", "last", "middle", "full", "given", "family", "reporter", "manager", "tenant", "landlord");

    private PersonColumns() {
    }

    /** True when the column name looks like it holds personal data. */
    public static boolean isPersonal(String column) {
        List<String> words = words(column);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (PERSONAL.contains(w)) {
                return true;
            }
            if (w.equals("name") && i > 0 && PERSON_BEFORE_NAME.contains(words.get(i - 1))) {
                return true;
            }
        }
        String joined = String.join("", words);
        return joined.equals("emailaddress") || joined.equals("phonenumber") || joined.equals("firstname")
                || joined.equals("lastname");
    }

    static List<String> words(String column) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char prev = 0;
        for (char c : column.toCharArray()) {
            boolean boundary = !Character.isLetterOrDigit(c)
                    || (Character.isUpperCase(c) && Character.isLowerCase(prev));
            if (boundary && w.length() > 0) {
                words.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            }
            prev = c;
        }
        if (w.length() > 0) {
            words.add(w.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
