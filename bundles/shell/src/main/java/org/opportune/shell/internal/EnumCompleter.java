package org.opportune.shell.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the constants of an enum, in any case; {@link OptionValues#oneOf} reads them so. */
public abstract class EnumCompleter<E extends Enum<E>> implements Completer {
    private final Class<E> type;

    protected EnumCompleter(Class<E> type) {
        this.type = type;
    }

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
                .complete(session, commandLine, candidates);
    }
}
