package org.pscdesk.ui.fx;

import java.util.function.Function;

import javafx.util.StringConverter;

/** How a choice box or combo box shows its items: one text per item, nothing for none; never parsed back. */
public final class Shown {
    private Shown() {
    }

    /** A converter that shows each item as {@code text} says. */
    public static <T> StringConverter<T> as(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
