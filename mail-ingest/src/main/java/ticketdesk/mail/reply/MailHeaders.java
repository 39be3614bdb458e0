package ticketdesk.mail.reply;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the headers that matter leniently: addresses, Message-IDs, the subject. Never throws. */
final class MailHeaders {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private MailHeaders() {
    }

    static Map<String, List<String>> all(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            String value = h.getValue() == null ? "" : MimeUtility.unfold(h.getValue()).strip();
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return Collections.unmodifiableMap(headers);
    }

    static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String subject(MimeMessage message, Map<String, List<String>> headers) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        } catch (MessagingException | RuntimeException e) {
            String raw = first(headers, "subject");
            return raw == null ? "" : raw;
        }
    }

    static String messageId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        String id = m.find() ? m.group() : "<" + header.strip().replaceAll("[<>\\s]", "") + ">";
        return id.length() <= 2 ? null : id;
    }

    static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    static List<String> recipients(Map<String, List<String>> headers) {
        List<String> out = new ArrayList<>();
        for (String name : List.of("to", "cc", "delivered-to", "x-original-to", "envelope-to")) {
            for (String value : headers.getOrDefault(name, List.of())) {
                Matcher m = ADDRESS.matcher(value);
                while (m.find()) {
                    String address = m.group().toLowerCase(Locale.ROOT);
                    if (!out.contains(address)) {
                        out.add(address);
                    }
                }
            }
        }
        return out;
    }

    record Address(String address, String name) {
    }

    static Address from(String header) {
        if (header == null || header.isBlank()) {
            return new Address(null, null);
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
            if (parsed.length > 0 && parsed[0].getAddress() != null && parsed[0].getAddress().contains("@")) {
                return new Address(parsed[0].getAddress().toLowerCase(Locale.ROOT), parsed[0].getPersonal());
            }
        } catch (MessagingException | RuntimeException e) {
            // fall through to the lenient scan
        }
        Matcher m = ADDRESS.matcher(header);
        return m.find() ? new Address(m.group().toLowerCase(Locale.ROOT), null) : new Address(null, null);
    }

}
