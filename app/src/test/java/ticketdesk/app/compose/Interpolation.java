package ticketdesk.app.compose;

import java.util.Map;

/**
 * Compose's variable interpolation, as its reference describes it: {@code $$}, {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}},
 * {@code ${VAR:+other}}, {@code ${VAR+other}}, with nested expressions in the operand, evaluated only when used.
 */
final class Interpolation {

    /** A required variable ({@code :?} or {@code ?}) that the shell does not give. */
    static final class Missing extends RuntimeException {
        final String variable;

        Missing(String variable, String message) {
            super(variable + ": " + message);
            this.variable = variable;
        }
    }

    private Interpolation() {
    }

    static String resolve(String text, Map<String, String> shell) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 == text.length()) {
                out.append(c);
                i++;
            } else if (text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                out.append(expression(text.substring(i + 2, end), shell));
                i = end + 1;
            } else {
                int end = nameEnd(text, i + 1);
                out.append(end == i + 1 ? "$" : shell.getOrDefault(text.substring(i + 1, end), ""));
                i = end == i + 1 ? i + 1 : end;
            }
        }
        return out.toString();
    }

    private static String expression(String inside, Map<String, String> shell) {
        int nameEnd = nameEnd(inside, 0);
        String name = inside.substring(0, nameEnd);
        String rest = inside.substring(nameEnd);
        String value = shell.get(name);
        boolean colon = rest.startsWith(":");
        String op = rest.isEmpty() ? "" : rest.substring(colon ? 1 : 0, colon ? 2 : 1);
        String operand = rest.isEmpty() ? "" : rest.substring(colon ? 2 : 1);
        boolean absent = value == null || (colon && value.isEmpty());
        switch (op) {
            case "" -> {
                return value == null ? "" : value;
            }
            case "-" -> {
                return absent ? resolve(operand, shell) : value;
            }
            case "?" -> {
                if (absent) {
                    throw new Missing(name, resolve(operand, shell));
                }
                return value;
            }
            case "+" -> {
                return absent ? "" : resolve(operand, shell);
            }
            default -> throw new IllegalArgumentException("not a Compose expression: ${" + inside + "}");
        }
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in " + text);
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')
                && !(i == from && Character.isDigit(text.charAt(i)))) {
            i++;
        }
        return i;
    }
}
