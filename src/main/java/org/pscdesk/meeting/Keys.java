package org.pscdesk.meeting;

import java.util.Locale;

/** Lower-case storage keys for the enums of this package ({@code SOCIAL_SERVICE} is stored as {@code social_service}). */
final class Keys {

    private Keys() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String key, String what) {
        String wanted = key == null ? "" : key.trim();
        for (E value : type.getEnumConstants()) {
            if (of(value).equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a known " + what);
    }
}
