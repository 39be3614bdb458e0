package ticketdesk.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored E.164 numbers as people read and dial them. */
class PhonesTest {

    @Test
    void numbersAreWrittenInTheirCountrysInternationalFormat() {
        assertThat(Phones.forPeople("+14155552671")).isEqualTo("+1 415-555-2671");
        assertThat(Phones.forPeople("+442071838750")).isEqualTo("+44 20 7183 8750");
        assertThat(Phones.forPeople("+4930123456")).isEqualTo("+49 30 123456");
    }

    @Test
    void theLinkIsAnRfc3966TelUri() {
        assertThat(Phones.link("+14155552671")).isEqualTo("tel:+1-415-555-2671");
        assertThat(Phones.link("+442071838750")).isEqualTo("tel:+44-20-7183-8750");
    }

    @Test
    void aValueThatIsNoNumberIsShownAsStoredWithoutALink() {
        assertThat(Phones.forPeople("call reception")).isEqualTo("call reception");
        assertThat(Phones.link("call reception")).isNull();
        assertThat(Phones.link(null)).isNull();
    }
}
