package ticketdesk.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit list and a ticket's timeline describe an event's change in the same words. */
class FormatsTest {

    @Test
    void aChangedFieldReadsOldArrowNew() {
        assertThat(Formats.change("priority", "low", "urgent")).isEqualTo("priority: low → urgent");
    }

    @Test
    void aFieldWithOneValueShowsThatValue() {
        assertThat(Formats.change("decline_reason", null, "on holiday")).isEqualTo("decline reason: on holiday");
        assertThat(Formats.change("category", "printers", null)).isEqualTo("category: printers");
    }

    @Test
    void aValueWithoutAFieldIsShownAlone() {
        assertThat(Formats.change(null, null, "all responders declined")).isEqualTo("all responders declined");
    }

    @Test
    void aFieldWithNoValuesShowsNothingRatherThanTheWordNull() {
        assertThat(Formats.change("responder_id", null, null)).isEmpty();
        assertThat(Formats.change(null, null, null)).isEmpty();
    }
}
