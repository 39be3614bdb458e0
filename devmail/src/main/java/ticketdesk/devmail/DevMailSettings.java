package ticketdesk.devmail;

import java.util.Locale;
import java.util.Map;

/**
 * What the dev mail server is told, by environment variables only (docker-compose.yml's {@code mail} service
 * sets them): the support address and its mailbox password, where to listen.
 */
record DevMailSettings(String supportAddress, String supportPassword, String bindAddress, int smtpPort,
                       int imapPort, int webPort) {

    static final String SUPPORT_ADDRESS = "DEVMAIL_SUPPORT_ADDRESS";
    static final String SUPPORT_PASSWORD = "DEVMAIL_SUPPORT_PASSWORD";
    static final String BIND_ADDRESS = "DEVMAIL_BIND_ADDRESS";
    static final String SMTP_PORT = "DEVMAIL_SMTP_PORT";
    static final String IMAP_PORT = "DEVMAIL_IMAP_PORT";
    static final String WEB_PORT = "DEVMAIL_WEB_PORT";

    /** Reads the settings; a missing or malformed one is refused with a message naming the variable. */
    static DevMailSettings from(Map<String, String> env) {
        String address = required(env, SUPPORT_ADDRESS).toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf('+') >= 0) {
            throw new IllegalArgumentException(SUPPORT_ADDRESS + " must be a plain address like support@example.com,"
                    + " not '" + address + "'");
        }
        return new DevMailSettings(address, required(env, SUPPORT_PASSWORD),
                env.getOrDefault(BIND_ADDRESS, "0.0.0.0").strip(), port(env, SMTP_PORT, 3025),
                port(env, IMAP_PORT, 3143), port(env, WEB_PORT, 8025));
    }

    @Override
    public String toString() {
        return "DevMailSettings[" + supportAddress + ", smtp " + smtpPort + ", imap " + imapPort + ", web " + webPort + "]";
    }

    String supportLocalPart() {
        return supportAddress.substring(0, supportAddress.lastIndexOf('@'));
    }

    String supportDomain() {
        return supportAddress.substring(supportAddress.lastIndexOf('@') + 1);
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("set " + name);
        }
        return value.strip();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // answered below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
    }
}
