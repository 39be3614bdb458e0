package ticketdesk.admin.tickets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ticketdesk.admin.web.Downloads;
import ticketdesk.admin.web.ErrorPages;

/**
 * A message's file, downloaded by a signed-in admin (the panel's security rule guards {@code /admin}): always as an
 * attachment with its own content type, never shown inline, streamed from the database without holding it whole.
 */
@Controller("/admin/attachments")
@ExecuteOn(TaskExecutors.BLOCKING)
class AttachmentsController {

    private final Attachments attachments;
    private final ErrorPages errors;

    AttachmentsController(Attachments attachments, ErrorPages errors) {
        this.attachments = attachments;
        this.errors = errors;
    }

    @Get("/{id}")
    HttpResponse<?> download(HttpRequest<?> request, @PathVariable long id) {
        return attachments.kept(id).<HttpResponse<?>>map(file -> HttpResponse.ok(new StreamedFile(
                        attachments.content(file), MediaType.of(Downloads.contentType(file.contentType())), 0,
                        file.size()))
                .header("Content-Disposition", Downloads.attachment(file.name()))
                .header("Cache-Control", "private, no-store"))
                .orElseGet(() -> errors.notFound(request, "kept file #" + id, "/admin/tickets", "Tickets"));
    }
}
