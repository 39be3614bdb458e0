package ticketdesk.admin.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The headers of a file the panel hands out for download: a content type that is a plain {@code type/subtype} (or
 * {@code application/octet-stream}), and {@code Content-Disposition: attachment} with an ASCII {@code filename} for old
 * clients and the real name as RFC 6266 / RFC 8187 {@code filename*}, so no name can break out of the header.
 */
public final class Downloads {

    public static final String OCTET_STREAM = "application/octet-stream";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    /** RFC 8187's attr-char: what may stand unencoded in an ext-value. */
    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private Downloads() {
    }

    /** The stored type without its parameters when it is a well-formed media type, else octet-stream. */
    public static String contentType(String stored) {
        String type = stored == null ? "" : stored.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(type).matches() ? type : OCTET_STREAM;
    }

    public static String attachment(String fileName) {
        String name = baseName(fileName);
        return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded(name);
    }

    /** The name without any directory part or control characters; "attachment" when nothing is left. */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "attachment" : name;
    }

    private static String ascii(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    private static String encoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 0x80
                    && ATTR_CHAR.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
