package ticketdesk.mail.outbound;

import java.util.ArrayList;
import java.util.List;

/** Builds the plain-text and the HTML part of an email side by side; everything put in HTML is escaped. */
final class MailBody {

    private final List<String> text = new ArrayList<>();
    private final StringBuilder html = new StringBuilder();
    private final List<String[]> links = new ArrayList<>();
    private String footer;

    void para(String paragraph) {
        if (paragraph == null || paragraph.isBlank()) {
            return;
        }
        text.add(paragraph.strip());
        html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>\n")).append("</p>\n");
    }

    void quote(String quoted) {
        if (quoted == null || quoted.isBlank()) {
            return;
        }
        text.add(quoted.strip());
        html.append("<blockquote style=\"margin:0 0 1em 0;padding-left:1em;border-left:3px solid #ccc\">")
                .append(escape(quoted.strip()).replace("\n", "<br>\n")).append("</blockquote>\n");
    }

    void link(String label, String url) {
        links.add(new String[] {label, url});
    }

    void footer(String line) {
        footer = line;
    }

    String text() {
        List<String> all = new ArrayList<>(text);
        if (!links.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (String[] l : links) {
                b.append(b.isEmpty() ? "" : "\n").append(l[0]).append(": ").append(l[1]);
            }
            all.add(b.toString());
        }
        if (footer != null) {
            all.add("-- \n" + footer);
        }
        return String.join("\n\n", all) + "\n";
    }

    String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n");
        out.append(html);
        if (!links.isEmpty()) {
            out.append("<p>");
            for (String[] l : links) {
                out.append("<a href=\"").append(escape(l[1])).append("\" style=\"margin-right:1em\">")
                        .append(escape(l[0])).append("</a>");
            }
            out.append("</p>\n");
        }
        if (footer != null) {
            out.append("<p style=\"color:#666;font-size:small\">").append(escape(footer)).append("</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
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
}
