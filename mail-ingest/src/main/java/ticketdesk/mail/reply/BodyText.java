package ticketdesk.mail.reply;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The text of a MIME part in whatever charset it declares. An unknown charset is read as UTF-8 when
 * the bytes are valid UTF-8, else as windows-1252, with a note saying so; it never fails.
 */
final class BodyText {

    private BodyText() {
    }

    /** A text part beyond this is read only so far: no reply is that long, and the heap is not infinite. */
    static final int MAX_BYTES = 1024 * 1024;

    static String of(Part part, List<String> notes) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            bytes = Arrays.copyOf(bytes, MAX_BYTES);
            notes.add("a text part longer than " + MAX_BYTES + " bytes: only its start was read");
        }
        String declared = charset(part);
        if (declared != null) {
            try {
                Charset charset = Charset.forName(MimeUtility.javaCharset(declared));
                return decode(bytes, charset, false);
            } catch (IllegalArgumentException unknown) {
                notes.add("unknown charset '" + declared + "': text decoded as "
                        + (isUtf8(bytes) ? "UTF-8" : "windows-1252"));
            }
        }
        return isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8)
                : decode(bytes, Charset.forName("windows-1252"), false);
    }

    private static String decode(byte[] bytes, Charset charset, boolean strict) throws CharacterCodingException {
        var decoder = charset.newDecoder();
        if (!strict) {
            decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        }
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            decode(bytes, StandardCharsets.UTF_8, true);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String charset(Part part) {
        try {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            return charset == null || charset.isBlank() ? null : charset.trim();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

}
