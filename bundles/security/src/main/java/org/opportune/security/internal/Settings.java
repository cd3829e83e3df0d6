package org.opportune.security.internal;

import java.util.ArrayList;
import java.util.List;

/** Reading list settings: a .cfg file gives one string ("a, b"), a typed configuration an array. */
final class Settings {
    private Settings() {
    }

    /** Every non-blank entry of the values, each value also split at commas. */
    static List<String> split(Iterable<String> values) {
        List<String> entries = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String entry : value.split(",")) {
                        if (!entry.isBlank()) {
                            entries.add(entry.trim());
                        }
                    }
                }
            }
        }
        return entries;
    }
}
