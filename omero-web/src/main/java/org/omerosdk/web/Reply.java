package org.omerosdk.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the gateway answers to one request: status, content type, extra headers and the whole body. */
record Reply(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, Object value) {
        return new Reply(status, JSON, Map.of(), Json.bytes(value));
    }

    static Reply json(Object value) {
        return json(200, value);
    }

    static Reply bytes(String contentType, byte[] body) {
        return new Reply(200, contentType, Map.of(), body);
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** This reply with one more header value ({@code Set-Cookie} may appear several times). */
    Reply withHeader(String name, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(headers);
        h.merge(name, List.of(value), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        });
        return new Reply(status, contentType, h, body);
    }
}
