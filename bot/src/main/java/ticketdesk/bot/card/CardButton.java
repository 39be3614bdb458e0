package ticketdesk.bot.card;

import java.util.Arrays;
import java.util.Optional;

/** The buttons a ticket's card can carry. {@link #id()} is what a platform sends back when one is pressed. */
public enum CardButton {
    CLAIM("claim", "Claim"),
    DECLINE("decline", "Decline"),
    RESOLVE("resolve", "Resolve"),
    RELEASE("release", "Release");

    private final String id;
    private final String label;

    CardButton(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<CardButton> byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
    }
}
