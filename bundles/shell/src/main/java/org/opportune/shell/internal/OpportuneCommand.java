package org.opportune.shell.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.OpportuneException;
import org.opportune.api.UnavailableException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.caller.Roles;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Base of every Opportune command. A refusal of the domain fails the command as Karaf's own commands
 * fail: it is thrown, so that the shell prints it, a script stops there and {@code bin/client} or an
 * SSH exec ends with a non-zero exit status. Every command runs as the login of the session (see
 * {@link SessionCaller}), so that the services record who changed what and scope what it sees.
 * A login with none of Opportune's roles is refused before the command runs: Karaf's command ACLs
 * (etc/org.apache.karaf.command.acl.*.cfg) refuse it first where they are installed, this holds
 * where they are not (a stock Karaf with the opportune feature).
 */
public abstract class OpportuneCommand implements Action {

    @Reference(optional = true)
    private CallerContext callers;

    @Reference(optional = true)
    private ConfigurationAdmin configurations;

    /** @throws CommandException the domain refused, or the login has no Opportune role; its message says why */
    @Override
    public final Object execute() throws CommandException {
        try {
            Caller caller = SessionCaller.current(RolePrincipalClasses.configured(configurations));
            if (!caller.hasAnyOpportuneRole()) {
                throw new AccessDeniedException("user " + caller.userName() + " has no Opportune role",
                        Roles.ALL);
            }
            SessionCaller.callAs(callers, caller, () -> {
                run();
                return null;
            });
        } catch (OpportuneException refusal) {
            throw Refusals.toCommandException(refusal);
        }
        return null;
    }

    /** Does the command's work, printing to {@code System.out}. */
    protected abstract void run();

    /**
     * Services are optional references so that the commands of one module stay registered while
     * another module is stopped or being replaced.
     *
     * @throws UnavailableException the module providing the service is not running
     */
    protected static <S> S require(S service, String module) {
        if (service == null) {
            throw new UnavailableException("the " + module + " module is not available");
        }
        return service;
    }

    /** A percentage as DOMAIN shows it: up to 2 decimals, no trailing zeros; empty when absent. */
    protected static String percent(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
