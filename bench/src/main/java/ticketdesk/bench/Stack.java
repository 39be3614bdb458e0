package ticketdesk.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Everything one run needs on this machine: a fresh database, the fake Slack Web API, an SMTP server
 * (GreenMail) and any number of ticketdesk instances sharing them, all on 127.0.0.1.
 */
public final class Stack implements AutoCloseable {

    public static final String SIGNING_SECRET = "bench-signing-secret-" + Long.toHexString(System.nanoTime());
    public static final String INBOUND_TOKEN = "bench-inbound-token-" + Long.toHexString(System.nanoTime());
    public static final String SUPPORT_ADDRESS = "support@bench.example";
    public static final String ADMIN_EMAIL = "admin@bench.example";
    public static final String ADMIN_PASSWORD = "bench-admin-" + Long.toHexString(System.nanoTime());

    static {
        // GreenMail parses every mail with Jakarta Mail, which otherwise scans the class path for its stream
        // provider per header and part (the app names it the same way, see mail-ingest's MailStreams)
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public final Database db;
    public final FakeSlack slack;
    public final GreenMail smtp;
    public final SlackRequests slackRequests;
    public final HttpClient http;
    private final Path logDir;
    private final List<AppInstance> instances = new ArrayList<>();

    private Stack(String prefix, Path logDir) {
        this.logDir = logDir;
        this.db = Database.fresh(prefix);
        this.slack = FakeSlack.start();
        this.smtp = new GreenMail(new ServerSetup(AppInstance.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        this.smtp.start();
        this.slackRequests = new SlackRequests(SIGNING_SECRET, slack);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(16)).build();
    }

    public static Stack create(String prefix, Path logDir) {
        return new Stack(prefix, logDir);
    }

    /** The configuration of DESIGN.md's runtime contract, pointing at this stack's servers. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", db.appUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", Database.USER);
        env.put("DATASOURCES_DEFAULT_PASSWORD", Database.PASSWORD);
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_BOT_TOKEN", "xoxb-bench-token");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("SLACK_RESPONDER_CHANNEL", FakeSlack.RESPONDER_CHANNEL);
        // as in production, where every response_url is under https://hooks.slack.com/
        env.put("SLACK_RESPONSE_URL_PREFIX", slack.responseUrl(""));
        env.put("MAIL_INBOUND_TOKEN", INBOUND_TOKEN);
        env.put("MAIL_FROM", SUPPORT_ADDRESS);
        env.put("MAIL_SMTP_HOST", "127.0.0.1");
        env.put("MAIL_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("TICKETDESK_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("TICKETDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // experiments: -Dbench.env="MICRONAUT_SERVER_THREAD_SELECTION=BLOCKING,OTHER=value"
        for (String pair : System.getProperty("bench.env", "").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return env;
    }

    /** Launches an instance and waits for /health UP. JVM flags come from -Dbench.jvmArgs (space-separated). */
    public AppInstance launch(String name) {
        return launch(name, jvmArgs());
    }

    public AppInstance launch(String name, List<String> jvmArgs) {
        return launch(name, jvmArgs, Map.of());
    }

    /** Launches an instance with variables on top of the stack's own (an IMAP mailbox, say). */
    public AppInstance launch(String name, List<String> jvmArgs, Map<String, String> extraEnv) {
        Map<String, String> env = environment();
        env.putAll(extraEnv);
        AppInstance instance = AppInstance.launch(name, env, jvmArgs, logDir);
        instances.add(instance);
        instance.awaitHealthy(Duration.ofSeconds(90));
        return instance;
    }

    /** Launches several instances at once (they start side by side) and waits until all are healthy. */
    public List<AppInstance> launchAll(List<String> jvmArgs, String... names) {
        List<AppInstance> launched = new ArrayList<>();
        for (String name : names) {
            AppInstance instance = AppInstance.launch(name, environment(), jvmArgs, logDir);
            instances.add(instance);
            launched.add(instance);
        }
        launched.forEach(i -> i.awaitHealthy(Duration.ofSeconds(120)));
        return launched;
    }

    /**
     * The app's JVM flags: those of the README's run command (the class-data archive built next to the jar, and
     * the heap limit) unless {@code -Dbench.shippedFlags=false}, then any given with {@code -Dbench.jvmArgs}.
     */
    public static List<String> jvmArgs() {
        List<String> flags = new ArrayList<>();
        if (!"false".equals(System.getProperty("bench.shippedFlags"))) {
            flags.addAll(AppInstance.shippedFlags());
        }
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            flags.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return flags;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        instances.forEach(AppInstance::close);
        slack.close();
        smtp.stop();
        db.close();
        http.executor().ifPresent(e -> ((java.util.concurrent.ExecutorService) e).shutdownNow());
    }
}
