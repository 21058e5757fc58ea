package org.omerosdk.sdk.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text format of OMERO's {@code config load} and {@code config edit}: one {@code key=value} per line, split at
 * the first {@code =}; each line trimmed; blank lines and lines starting with {@code #} ignored; a line ending in a
 * backslash continues on the next line (the backslash dropped); a line without {@code =} sets an empty value; a
 * line with an empty key is ignored. Values are taken literally: no quotes are removed, as in OMERO.
 */
final class ConfigText {
    static final String EDIT_HEADER = "# Edit your preferences below. Comments are ignored";

    /** One parsed line; {@code where} is "source:line" for messages. */
    record Line(String key, String value, String where) {
    }

    private ConfigText() {
    }

    static List<Line> parse(String text, String source) {
        List<Line> lines = new ArrayList<>();
        String pending = null;
        int startLine = 0;
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = pending != null ? pending + raw[i] : raw[i];
            if (pending == null) {
                startLine = i + 1;
            }
            pending = null;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending = line.substring(0, line.length() - 1);
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String value = eq < 0 ? "" : line.substring(eq + 1);
            if (!key.isEmpty()) {
                lines.add(new Line(key, value, source + ":" + startLine));
            }
        }
        return lines;
    }

    static String format(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(EDIT_HEADER).append('\n');
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }
}
