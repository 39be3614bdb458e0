package ticketdesk.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

    @Test
    void aResponderChangeNamesThePeopleRatherThanTheirIds() {
        Map<Long, String> names = Map.of(7L, "Alice", 9L, "Bob");
        assertThat(Formats.peopleIn("responder_id", "7", "9")).containsExactlyInAnyOrder(7L, 9L);
        assertThat(Formats.change("responder_id", "7", "9", names)).isEqualTo("held by Alice; now Bob");
        assertThat(Formats.change("responder_id", "7", null, names)).isEqualTo("held by Alice");
        assertThat(Formats.change("responder_id", "7", "responder deactivated", names))
                .isEqualTo("held by Alice; responder deactivated");
        assertThat(Formats.change("responder_id", "8", null, names)).isEqualTo("held by #8");
        assertThat(Formats.change("responder_id", null, "9", names)).isEqualTo("now held by Bob");
        assertThat(Formats.change("priority", "low", "high", names)).isEqualTo("priority: low → high");
    }
}
