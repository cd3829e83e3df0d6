package org.opportune.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.support.parsing.CommandLineImpl;

/** Asks a completer as Karaf's console does when Tab is pressed. */
public final class Completions {

    private Completions() {
    }

    /** @return the candidates for the last of the words, the first being the command, with the cursor at its end */
    public static List<String> candidates(Completer completer, String... words) {
        String buffer = String.join(" ", words);
        String typed = words[words.length - 1];
        List<String> candidates = new ArrayList<>();
        completer.complete(null, new CommandLineImpl(words, words.length - 1, typed.length(), buffer.length(), buffer),
                candidates);
        return candidates;
    }
}
