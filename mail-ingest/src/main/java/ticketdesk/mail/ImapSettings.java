package ticketdesk.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** {@code mail.imap.*} (MAIL_IMAP_HOST, …): the mailbox replies arrive in. No host, no IMAP reader. */
@ConfigurationProperties("mail.imap")
public class ImapSettings {

    @Nullable
    private String host;
    private int port = 143;
    @Nullable
    private String user;
    @Nullable
    private String password;
    private String folder = "INBOX";
    private boolean ssl;
    private boolean starttls;
    private Duration pollInterval = Duration.ofSeconds(60);
    private boolean idle = true;
    private boolean watch = true;
    private Duration timeout = Duration.ofSeconds(30);

    @Nullable public String getHost() { return host; }
    public void setHost(@Nullable String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    @Nullable public String getUser() { return user; }
    public void setUser(@Nullable String user) { this.user = user; }
    @Nullable public String getPassword() { return password; }
    public void setPassword(@Nullable String password) { this.password = password; }
    public String getFolder() { return folder; }
    public void setFolder(String folder) { this.folder = folder; }
    /** IMAPS (port 993). */
    public boolean isSsl() { return ssl; }
    public void setSsl(boolean ssl) { this.ssl = ssl; }
    public boolean isStarttls() { return starttls; }
    public void setStarttls(boolean starttls) { this.starttls = starttls; }
    /** How often the mailbox is read when the server has no IDLE, and the longest an IDLE lasts. */
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    /** Use IMAP IDLE where the server supports it. */
    public boolean isIdle() { return idle; }
    public void setIdle(boolean idle) { this.idle = idle; }
    /** Run the background reader; off only where something else calls {@code readOnce()} (tests). */
    public boolean isWatch() { return watch; }
    public void setWatch(boolean watch) { this.watch = watch; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }

    /** The key the cursor is stored under: one per account and folder. */
    public String mailboxKey() {
        return (user == null ? "" : user) + "@" + host + ":" + port + "/" + folder;
    }
}
