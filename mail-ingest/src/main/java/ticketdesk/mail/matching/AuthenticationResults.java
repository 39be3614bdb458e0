package ticketdesk.mail.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header (RFC 8601): the authserv-id of the server that wrote it and its results,
 * e.g. {@code dkim=pass header.d=example.com}. Comments in parentheses (nested, with quoted pairs) are dropped,
 * quoted strings are values, resinfo are separated by {@code ;}, and white space may surround {@code =}, {@code .}
 * and {@code /}. Method, result and property names are lower-cased; values are kept as written.
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /** One resinfo: {@code method=result} with its properties ({@code header.d}, {@code smtp.mailfrom}, {@code reason}). */
    public record Result(String method, String result, Map<String, String> properties) {

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** The header's value parsed, or empty when it names no authserv-id. A resinfo that is no method=result is skipped. */
    public static Optional<AuthenticationResults> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        List<String> segments = split(withoutComments(value), ';');
        List<String> first = tokens(segments.get(0));
        if (first.isEmpty() || first.get(0).indexOf('=') >= 0) {
            return Optional.empty();
        }
        List<Result> results = new ArrayList<>();
        for (String segment : segments.subList(1, segments.size())) {
            resinfo(tokens(segment)).ifPresent(results::add);
        }
        return Optional.of(new AuthenticationResults(unquote(first.get(0)), List.copyOf(results)));
    }

    private static Optional<Result> resinfo(List<String> tokens) {
        if (tokens.isEmpty() || tokens.get(0).indexOf('=') < 1) {
            return Optional.empty(); // "none", or nothing this parser can read
        }
        String[] methodspec = pair(tokens.get(0));
        String method = methodspec[0].split("/", 2)[0].toLowerCase(Locale.ROOT);
        Map<String, String> properties = new LinkedHashMap<>();
        for (String token : tokens.subList(1, tokens.size())) {
            String[] property = pair(token);
            properties.putIfAbsent(property[0].toLowerCase(Locale.ROOT), unquote(property[1]));
        }
        return Optional.of(new Result(method, unquote(methodspec[1]).toLowerCase(Locale.ROOT), properties));
    }

    private static String[] pair(String token) {
        int eq = token.indexOf('=');
        return eq < 0 ? new String[] {token, ""} : new String[] {token.substring(0, eq), token.substring(eq + 1)};
    }

    /** The text with each comment replaced by a space; quoted strings are kept, quotes and all. */
    static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < value.length()) {
                if (depth == 0) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && depth > 0 && c == ')') {
                depth--;
                out.append(depth == 0 ? " " : "");
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits at {@code separator} outside quoted strings. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
            } else if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                quoted ^= c == '"';
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** The white-space separated tokens of a segment, after closing up the space around = . and /. */
    private static List<String> tokens(String segment) {
        List<String> tokens = new ArrayList<>();
        for (String token : split(segment.replaceAll("[\\s\\u00a0]+", " ").strip(), ' ')) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        List<String> joined = new ArrayList<>();
        for (String token : tokens) {
            int last = joined.size() - 1;
            if (last >= 0 && joins(joined.get(last), token)) {
                joined.set(last, joined.get(last) + token);
            } else {
                joined.add(token);
            }
        }
        return joined;
    }

    /** Whether {@code next} goes on {@code token}: "dkim =", "= pass", "header . d", "dkim / 1". */
    private static boolean joins(String token, String next) {
        if (token.indexOf('=') == token.length() - 1) {
            return true; // "key =" waiting for its value; "header.b=abc=" (unquoted padding) is complete
        }
        boolean key = token.indexOf('=') < 0;
        return next.startsWith("=") || key && (token.endsWith(".") || token.endsWith("/")
                || next.startsWith(".") || next.startsWith("/"));
    }

    private static String unquote(String value) {
        if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return value;
        }
        return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
    }
}
