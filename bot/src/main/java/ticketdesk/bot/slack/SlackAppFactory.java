package ticketdesk.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one Bolt {@link App} and the {@link Slack} client it and the notifier share. The middleware is
 * Bolt's signature verification (and ssl_check) only: Bolt's default authorization would call
 * {@code auth.test} before the ack, which ticketdesk never does. Every event without a handler (a member
 * joining, a topic change, an edit, a bot's post: anything but a person's thread reply, which
 * {@link ThreadReplies} reads) is acked with 200, since Slack counts any other answer as a failed delivery.
 */
@Factory
class SlackAppFactory {

    @Singleton
    Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        String url = settings.getApiUrl();
        config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientReadTimeoutMillis(10_000);
        config.setHttpClientCallTimeoutMillis(15_000);
        // the SDK's metrics would call auth.test on the side; ticketdesk makes only the calls it means to
        config.setStatsEnabled(false);
        config.getMethodsConfig().setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    @Singleton
    App app(SlackSettings settings, Slack slack, TicketCommandHandler command, NewTicketSubmissionHandler form) {
        AppConfig config = AppConfig.builder().signingSecret(settings.getSigningSecret())
                .singleTeamBotToken(settings.getBotToken()).slack(slack).allEventsApiAutoAckEnabled(true).build();
        List<Middleware> middleware = new ArrayList<>();
        middleware.add(new RequestVerification(new SlackSignature.Verifier(
                new SlackSignature.Generator(settings.getSigningSecret()))));
        middleware.add(new SSLCheck(null));
        App app = new App(config, middleware);
        app.asOAuthApp(false);
        app.command(Pattern.compile("^/.*$"), command);
        app.viewSubmission(NewTicketForm.CALLBACK_ID, form);
        return app;
    }
}
