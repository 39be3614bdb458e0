package ticketdesk.admin.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns a {@link BadQuery} into the panel's 400 page, which says which value was not understood. */
@Singleton
class BadQueryHandler implements ExceptionHandler<BadQuery, HttpResponse<?>> {

    private final ErrorPages pages;

    BadQueryHandler(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, BadQuery exception) {
        return pages.badRequest(request, exception.getMessage());
    }
}
