package org.omerosdk.model.config;

/**
 * A strict JSON (RFC 8259) syntax check: enough to refuse a malformed list or object before it is stored, without
 * a JSON library in the model module. It only answers what the top-level value is.
 */
final class JsonSyntax {
    enum Top { OBJECT, ARRAY, SCALAR }

    private final String s;
    private int pos;

    private JsonSyntax(String s) {
        this.s = s;
    }

    /** The kind of the single top-level value; IllegalArgumentException (with the offset) when not JSON. */
    static Top check(String text) {
        JsonSyntax p = new JsonSyntax(text);
        p.ws();
        Top top = p.peek() == '{' ? Top.OBJECT : p.peek() == '[' ? Top.ARRAY : Top.SCALAR;
        p.value(0);
        p.ws();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return top;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }

    private void ws() {
        while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private void expect(char c) {
        if (peek() != c || pos >= s.length()) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void value(int depth) {
        if (depth > 512) {
            throw error("nesting deeper than 512");
        }
        ws();
        char c = peek();
        if (pos >= s.length()) {
            throw error("expected a value");
        } else if (c == '{') {
            pos++;
            ws();
            if (peek() == '}') {
                pos++;
                return;
            }
            do {
                ws();
                string();
                ws();
                expect(':');
                value(depth + 1);
                ws();
            } while (consume(','));
            expect('}');
        } else if (c == '[') {
            pos++;
            ws();
            if (peek() == ']') {
                pos++;
                return;
            }
            do {
                value(depth + 1);
                ws();
            } while (consume(','));
            expect(']');
        } else if (c == '"') {
            string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else if (!literal("true") && !literal("false") && !literal("null")) {
            throw error("expected a value");
        }
    }

    private boolean consume(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean literal(String word) {
        if (s.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private void string() {
        expect('"');
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c == '\\') {
                char e = pos < s.length() ? s.charAt(pos++) : '\0';
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (pos >= s.length() || Character.digit(s.charAt(pos++), 16) < 0) {
                            throw error("bad \\u escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0 || e == '\0') {
                    throw error("bad escape \\" + e);
                }
            }
        }
        throw error("unterminated string");
    }

    private void number() {
        consume('-');
        if (consume('0')) {
            // a leading zero stands alone
        } else if (!digits()) {
            throw error("expected digits");
        }
        if (consume('.') && !digits()) {
            throw error("expected digits after '.'");
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            if (!digits()) {
                throw error("expected exponent digits");
            }
        }
    }

    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }
}
