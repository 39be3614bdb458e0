package ticketdesk.admin.tickets;

/** One line of the ticket list. */
public record TicketSummary(long id, String title, String priority, String status, String source, String requester,
                            String responder, String createdAt, String updatedAt) {
}
