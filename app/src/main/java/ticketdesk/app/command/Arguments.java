package ticketdesk.app.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The words after a command's name: positional values, {@code --flag}s and {@code --option VALUE}s. */
final class Arguments {

    /** Arguments that do not fit the command: the process prints the message and the usage, and exits with 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    private final List<String> values = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String[]> options = new ArrayList<>();

    private Arguments() {
    }

    /** Reads {@code words}, knowing which {@code --names} are flags and which take a value. */
    static Arguments of(List<String> words, Set<String> knownFlags, Set<String> knownOptions) {
        Arguments arguments = new Arguments();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                arguments.values.add(word);
            } else if (knownFlags.contains(word)) {
                arguments.flags.add(word);
            } else if (knownOptions.contains(word) && i + 1 < words.size()) {
                arguments.options.add(new String[] {word, words.get(++i)});
            } else {
                throw new UsageError(knownOptions.contains(word) ? word + " needs a value" : "unknown option " + word);
            }
        }
        return arguments;
    }

    /** The only positional value, named {@code what} in the error when there is none or more than one. */
    String single(String what) {
        if (values.size() != 1) {
            throw new UsageError(values.isEmpty() ? "missing " + what : "one " + what + " only, got " + values);
        }
        return values.get(0);
    }

    /** Refuses positional values where the command takes {@code what} only. */
    void none(String what) {
        if (!values.isEmpty()) {
            throw new UsageError("takes " + what + " only, got " + values);
        }
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    Optional<String> option(String name) {
        return options.stream().filter(o -> o[0].equals(name)).map(o -> o[1]).reduce((first, last) -> last);
    }
}
