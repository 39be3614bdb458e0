package ticketdesk.core.user;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Turns what people type as a phone number into E.164, or says it is not a number. */
@Singleton
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(@Value("${ticketdesk.phone.default-region:US}") String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The E.164 form of {@code input}, or empty when it is not a valid number. */
    public Optional<String> toE164(String input) {
        if (input == null || input.isBlank() || input.length() > 64) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(input, defaultRegion);
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
