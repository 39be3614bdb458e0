package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;

/**
 * Someone acting from a chat platform: their identity there, the (platform, external id) pair, and the
 * workspace the platform says they belong to.
 */
public record ChatPerson(Platform platform, String externalId, @Nullable String workspace) {
}
