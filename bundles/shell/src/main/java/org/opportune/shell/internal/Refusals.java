package org.opportune.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.CommandException;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.OpportuneException;

/**
 * Turns a refusal of the domain into the exception Karaf's shell reports as a failed command.
 * Karaf recognises {@link CommandException} by its class name: it prints
 * {@code Error executing command: <message>} and logs it at DEBUG only, where any other exception
 * would be logged at ERROR with its stack trace although the administrator's input is at fault.
 */
final class Refusals {

    private Refusals() {
    }

    /** @return the exception for a command to throw, with the refusal as its cause for the DEBUG log */
    static CommandException toCommandException(OpportuneException refusal) {
        return new CommandException(message(refusal), refusal);
    }

    /**
     * The field errors, each as field name and rule, or the refusal's own message when it names no
     * field; on one line, so that a script or a log reads it whole. A refusal for the login's roles
     * says what was refused, the fields at fault and the roles that would be allowed.
     */
    private static String message(OpportuneException refusal) {
        if (refusal instanceof AccessDeniedException denied) {
            return accessDenied(denied);
        }
        return fieldErrorsOrMessage(refusal);
    }

    private static String accessDenied(AccessDeniedException denied) {
        StringBuilder message = new StringBuilder("access denied: ").append(denied.getMessage());
        if (!denied.errors().isEmpty()) {
            message.append(": ").append(fieldErrors(denied));
        }
        List<String> roles = denied.requiredRoles();
        if (roles.size() == 1) {
            message.append(" (needs the role ").append(roles.get(0)).append(')');
        } else if (roles.size() > 1) {
            message.append(" (needs one of the roles ").append(String.join(", ", roles)).append(')');
        }
        return message.toString();
    }

    private static String fieldErrorsOrMessage(OpportuneException refusal) {
        if (refusal.errors().isEmpty()) {
            return refusal.getMessage();
        }
        return fieldErrors(refusal);
    }

    private static String fieldErrors(OpportuneException refusal) {
        return refusal.errors().stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
    }
}
