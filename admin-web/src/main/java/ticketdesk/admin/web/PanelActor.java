package ticketdesk.admin.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import ticketdesk.core.Channel;
import ticketdesk.core.audit.Actor;

/** The signed-in admin as core's audit names whoever acts: their id, the panel's channel and their client address. */
@Singleton
public class PanelActor {

    private final ClientAddress addresses;

    PanelActor(ClientAddress addresses) {
        this.addresses = addresses;
    }

    public Actor of(Authentication authentication, HttpRequest<?> request) {
        return new Actor(CurrentAdmin.of(authentication).id(), Channel.WEB, addresses.of(request));
    }
}
