package org.omerosdk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON bodies: maps and lists in, UTF-8 bytes out, keys in insertion order. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static tools.jackson.databind.JsonNode read(byte[] json) {
        return MAPPER.readTree(json);
    }

    /**
     * {@code value} as JSON text fit for a {@code <script>} element: every {@code <} (only ever inside a string) as
     * {@code \u003c}, so no {@code </script>} or {@code <!--} in a name can end or change the element.
     */
    static String forScript(Object value) {
        return MAPPER.writeValueAsString(value).replace("<", "\\u003c");
    }

    static Map<String, Object> message(String message) {
        return object("message", message);
    }
}
