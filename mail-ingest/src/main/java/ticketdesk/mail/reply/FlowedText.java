package ticketdesk.mail.reply;

/**
 * Undoes RFC 3676 {@code format=flowed}: a line ending in a space continues on the next line of the same quote
 * depth, so a paragraph a client wrapped at 72 characters reads as one line again, as its writer typed it.
 * Space-stuffing is removed; {@code delsp=yes} drops the space that marked the soft break; the signature
 * separator {@code "-- "} is never joined. One pass, linear in the text.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean delSp) {
        StringBuilder out = new StringBuilder(text.length());
        boolean continuing = false;
        int depthOfOpenLine = -1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            boolean last = end < 0;
            String line = text.substring(start, last ? text.length() : end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1);
            }
            if (continuing && (depth != depthOfOpenLine || content.equals("-- "))) {
                out.append('\n');
                continuing = false;
            }
            if (!continuing) {
                out.append(">".repeat(depth)).append(depth > 0 && !content.isEmpty() ? " " : "");
            }
            boolean flowed = content.endsWith(" ") && !content.equals("-- ");
            out.append(flowed && delSp ? content.substring(0, content.length() - 1) : content);
            if (last) {
                break;
            }
            continuing = flowed;
            depthOfOpenLine = depth;
            if (!flowed) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out.toString();
    }
}
