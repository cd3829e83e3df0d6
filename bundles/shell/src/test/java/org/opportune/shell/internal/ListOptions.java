package org.opportune.shell.internal;

/** Sets the paging and text options of a list command from tests in other packages, as Karaf's option parser would. */
public final class ListOptions {

    private ListOptions() {
    }

    public static <C extends PagedListCommand> C page(C command, int offset, int limit) {
        command.offset = offset;
        command.limit = limit;
        return command;
    }

    public static <C extends TextListCommand> C text(C command, String text) {
        command.text = text;
        return command;
    }

    public static <C extends BlockedListCommand> C blocked(C command, String blocked) {
        command.blocked = blocked;
        return command;
    }

    public static <C extends PagedListCommand> C sort(C command, String sort) {
        command.sort = sort;
        return command;
    }
}
