package ticketdesk.core.user;

import java.util.Optional;

/**
 * The workspace an installation serves on one chat platform (a Slack team, a Discord guild). Each chat
 * adapter implements it from its configuration or from what the platform says of the adapter's own
 * credentials; only people of that workspace act, or are linked to accounts, from that platform.
 */
public interface HomeWorkspace {

    Platform platform();

    /** The workspace's id on the platform; empty while it is not known (not configured, not yet learned). */
    Optional<String> id();
}
