package org.opportune.shell.internal;

import org.apache.karaf.shell.api.action.Option;

/** Base of the lists of records that a text finds, as the REST lists' {@code q} does. */
public abstract class TextListCommand extends PagedListCommand {

    @Option(name = "-q", aliases = "--query",
            description = "Only the records whose no. or code, or name or description, contains this text in any case")
    protected String text;
}
