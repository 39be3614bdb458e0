package ticketdesk.admin.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns a {@link BadQuery} into a 400 whose body says which value was not understood. */
@Singleton
class BadQueryHandler implements ExceptionHandler<BadQuery, HttpResponse<String>> {

    @Override
    public HttpResponse<String> handle(HttpRequest request, BadQuery exception) {
        return HttpResponse.<String>badRequest(exception.getMessage()).contentType(MediaType.TEXT_PLAIN_TYPE);
    }
}
