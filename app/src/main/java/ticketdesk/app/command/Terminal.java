package ticketdesk.app.command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Where a command reads a secret and writes its answer: the process's streams, or a test's. */
record Terminal(InputStream in, PrintStream out, PrintStream err, Console console) {

    static Terminal system() {
        return new Terminal(System.in, System.out, System.err, System.console());
    }

    /** A secret typed at a terminal (not echoed), or the first line of what was piped in; null when there is none. */
    String readSecret(String prompt) {
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        }
        try {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
