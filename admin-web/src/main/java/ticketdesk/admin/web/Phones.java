package ticketdesk.admin.web;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** A stored E.164 phone number written for people ("+1 415-555-2671") and as a click-to-call {@code tel:} link. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /** The international format, or the stored value as it is when it cannot be read as a number. */
    public static String forPeople(String e164) {
        return parsed(e164).map(n -> UTIL.format(n, PhoneNumberFormat.INTERNATIONAL)).orElse(e164);
    }

    /** An RFC 3966 {@code tel:} URI, or null when the value is no number (the page then shows it without a link). */
    public static String link(String e164) {
        return parsed(e164).map(n -> UTIL.format(n, PhoneNumberFormat.RFC3966)).orElse(null);
    }

    private static Optional<PhoneNumber> parsed(String e164) {
        if (e164 == null || e164.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UTIL.parse(e164, null));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
