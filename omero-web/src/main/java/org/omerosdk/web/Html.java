package org.omerosdk.web;

/** The gateway's few HTML pages: escaping, and the frame every page shares. */
final class Html {
    private Html() {
    }

    /** {@code text} safe inside an element or a quoted attribute. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole page: {@code title} escaped, {@code body} as given (already escaped by its writer). */
    static String page(String title, String body) {
        return page(title, "", body);
    }

    static String page(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style>" + head + "</head>\n<body>"
                + body + "</body></html>\n";
    }

    private static final String STYLE = "body{font-family:sans-serif;margin:0;background:#222;color:#eee}"
            + "header{padding:6px 12px;background:#333;display:flex;gap:16px;align-items:center}"
            + "main{padding:12px}a{color:#8cf}label{margin-right:12px}"
            + "form.login{max-width:320px;margin:48px auto;display:flex;flex-direction:column;gap:8px}"
            + "input{font-size:1em;padding:4px}.error{color:#f88}"
            + "#viewer{width:100%;height:calc(100vh - 96px);background:#000}"
            + "#controls{padding:6px 12px;display:flex;flex-wrap:wrap;gap:16px;align-items:center}"
            + ".swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border:1px solid #888}";
}
