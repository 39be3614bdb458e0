package ticketdesk.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The user flows the harness and the two-instance test drive, over HTTP, as Slack and a mail relay would. */
public final class Flows {

    private final Stack stack;

    public Flows(Stack stack) {
        this.stack = stack;
    }

    /** Slack user id of employee i (their profile email comes from the fake's users.info). */
    public static String employee(int i) {
        return String.format("UEMP%04d", i);
    }

    public static String responder(int i) {
        return String.format("URSP%04d", i);
    }

    /** Seeds {@code n} active responders linked to Slack users URSP0000…; returns their user ids. */
    public List<Long> seedResponders(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(stack.db.user("Responder " + i, null, "responder", responder(i)));
        }
        return ids;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return stack.http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens {@code n} tickets with {@code /ticket} round-robin over the instances, {@code concurrency} at a
     * time (a fixture, not a measurement), then waits until every ticket's card has been posted; returns
     * the cards by ticket id.
     */
    public Map<Long, FakeSlack.Card> openTickets(List<AppInstance> instances, int n, int concurrency,
                                                 Duration timeout) {
        int before = stack.slack.cards().size();
        List<java.net.http.HttpRequest> commands = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            commands.add(stack.slackRequests.slashCommand(instances.get(i % instances.size()).uri("/"),
                    employee(i % 50), "printer " + i + " is broken"));
        }
        OpenLoop.Result r = ClosedLoop.run(stack.http, concurrency, commands, resp -> resp.statusCode() == 200);
        if (r.errors() > 0) {
            throw new IllegalStateException(r.errors() + " of " + r.sent() + " /ticket commands failed; first: "
                    + r.firstError());
        }
        await("cards of " + n + " new tickets", timeout, () -> stack.slack.cards().size() >= before + n);
        Map<Long, FakeSlack.Card> byTicket = new LinkedHashMap<>();
        stack.slack.cards().forEach(card -> byTicket.putIfAbsent(card.ticketId(), card));
        return byTicket;
    }

    /** A responder's click on a card's Claim button. */
    public HttpRequest claim(AppInstance instance, FakeSlack.Card card, String responderSlackId) {
        return stack.slackRequests.buttonClick(instance.uri("/"), responderSlackId, FakeSlack.RESPONDER_CHANNEL,
                card.ts(), claimButton(card), "Claim");
    }

    /** A Claim click signed now, to be sent later as raw bytes. */
    public SlackRequests.Signed signedClaim(FakeSlack.Card card, String responderSlackId) {
        return stack.slackRequests.signedButtonClick(responderSlackId, FakeSlack.RESPONDER_CHANNEL, card.ts(),
                claimButton(card), "Claim");
    }

    private static FakeSlack.Button claimButton(FakeSlack.Card card) {
        return card.button("claim").orElseThrow(() ->
                new IllegalStateException("card of ticket " + card.ticketId() + " has no Claim button: " + card.blocks()));
    }

    /** Sends like a mail relay: retries a 503 after its Retry-After. */
    public HttpResponse<String> relay(HttpRequest request) {
        try {
            return Relay.deliver(stack.http, request);
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /mail/inbound} with one raw message. */
    public HttpRequest inboundMail(AppInstance instance, byte[] rfc822) {
        return HttpRequest.newBuilder(instance.uri("/mail/inbound"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "message/rfc822")
                .header("Authorization", "Bearer " + Stack.INBOUND_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(rfc822))
                .build();
    }

    /** Waits, bounded by {@code timeout}, for a condition; fails naming what did not happen. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            AppInstance.sleep(100);
        }
    }

    public static boolean eventually(Duration timeout, BooleanSupplier condition) {
        try {
            await("condition", timeout, condition);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
