package org.omerosdk.sdk.config;

import java.util.Map;

/**
 * Writes values in the syntax {@link java.util.Properties#load(java.io.Reader)} reads, deterministically: sorted
 * keys, no timestamp, non-ASCII kept as UTF-8. (Properties.store adds a date line and, before Java 18, writes in hash
 * order, which would make every write a diff.)
 */
final class PropertiesText {
    private PropertiesText() {
    }

    static String format(Map<String, String> sortedValues) {
        StringBuilder sb = new StringBuilder("# omero-sdk configuration; change it with `omero config set KEY VALUE`\n");
        sortedValues.forEach((k, v) -> {
            escape(sb, k, true);
            sb.append('=');
            escape(sb, v, false);
            sb.append('\n');
        });
        return sb.toString();
    }

    private static void escape(StringBuilder sb, String s, boolean isKey) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!' -> {
                    // in a value only a leading '#' or '!' could matter, and the key precedes it; escape in keys
                    if (isKey) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                case ' ' -> {
                    // leading spaces of a value and every space of a key would otherwise be dropped or split
                    if (isKey || i == 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                default -> sb.append(c);
            }
        }
    }
}
