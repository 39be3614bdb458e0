package ticketdesk.bot.slack;

import com.slack.api.bolt.response.Response;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Times;

/**
 * Signed requests already accepted, across instances: the first arrival of a request inserts its key (one
 * statement), so the primary key turns every replay of the same signature (within Slack's five-minute window,
 * with or without {@code X-Slack-Retry-Num}) away; the replay gets the first one's answer and changes nothing.
 * Keys are forgotten once their signature has expired, from the start of the time-ordered key.
 */
@Singleton
class AcceptedRequests {

    /** Slack's five minutes either way of the timestamp, plus a margin for clocks that disagree. */
    static final Duration KEPT = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(AcceptedRequests.class);

    private final AcceptedRequestRepository requests;
    private final Times times;

    AcceptedRequests(AcceptedRequestRepository requests, Times times) {
        this.requests = requests;
        this.times = times;
    }

    /**
     * Empty when this is the request's first arrival, now accepted; else the answer for the replay: the first
     * one's, or {@code whileHandled} while the first is still being handled (or died being handled).
     * {@code answer} is the first one's answer when it is known up front, else null until {@link #answered}.
     */
    Optional<Response> accept(RequestKey key, Response answer, Response whileHandled) {
        try {
            requests.insert(key.signedAt(), key.hash(), answer == null ? null : answer.getStatusCode(),
                    answer == null ? null : answer.getContentType(), answer == null ? null : answer.getBody());
            return Optional.empty();
        } catch (DataAccessException replayed) {
            Optional<AcceptedRequestRow> first = requests.find(key.signedAt(), key.hash());
            if (first.isEmpty()) {
                throw replayed;
            }
            LOG.info("a replay of a Slack request already accepted was answered as the first and changed nothing");
            return Optional.of(first.get().statusCode() == null ? whileHandled : Response.builder()
                    .statusCode(first.get().statusCode()).contentType(first.get().contentType())
                    .body(first.get().body()).build());
        }
    }

    /** The first arrival's answer, for its replays; losing it only makes them read "still working". */
    void answered(RequestKey key, Response answer) {
        try {
            requests.answered(key.signedAt(), key.hash(), answer.getStatusCode(), answer.getContentType(),
                    answer.getBody());
        } catch (RuntimeException e) {
            LOG.warn("the answer to a Slack request was not kept for its replays: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void forgetExpired() {
        try {
            requests.deleteSignedBefore(times.now().toEpochSecond(ZoneOffset.UTC) - KEPT.toSeconds());
        } catch (RuntimeException e) {
            LOG.warn("expired Slack request keys not deleted this time: {}", e.toString());
        }
    }
}
