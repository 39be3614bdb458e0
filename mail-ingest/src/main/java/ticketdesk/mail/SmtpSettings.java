package ticketdesk.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** {@code mail.smtp.*} (MAIL_SMTP_HOST, …): where notification emails are sent. No host, no email out. */
@ConfigurationProperties("mail.smtp")
public class SmtpSettings {

    @Nullable
    private String host;
    private int port = 25;
    @Nullable
    private String user;
    @Nullable
    private String password;
    private boolean starttls;
    private boolean ssl;
    private Duration timeout = Duration.ofSeconds(20);

    @Nullable public String getHost() { return host; }
    public void setHost(@Nullable String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    @Nullable public String getUser() { return user; }
    public void setUser(@Nullable String user) { this.user = user == null || user.isBlank() ? null : user; }
    @Nullable public String getPassword() { return password; }
    public void setPassword(@Nullable String password) { this.password = password; }
    /** Upgrade the connection with STARTTLS (required when set). */
    public boolean isStarttls() { return starttls; }
    public void setStarttls(boolean starttls) { this.starttls = starttls; }
    /** Connect over TLS from the start (port 465). */
    public boolean isSsl() { return ssl; }
    public void setSsl(boolean ssl) { this.ssl = ssl; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
