package org.opportune.shell.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.caller.Roles;
import org.opportune.persistence.ThreadCallerContext;

public class OpportuneCommandTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    /** A command that fails the way the supplier says. */
    private static OpportuneCommand failingWith(Supplier<RuntimeException> failure) {
        return new OpportuneCommand() {
            @Override
            protected void run() {
                throw failure.get();
            }
        };
    }

    @Test
    public void aRefusalIsThrownAsTheCommandExceptionKarafPrintsAndLogsWithoutAStackTrace() throws Exception {
        ValidationException refusal = new ValidationException("name", "is required");
        Action command = failingWith(() -> refusal);
        try {
            command.execute();
            fail("the refusal was swallowed");
        } catch (CommandException thrown) {
            // Karaf's shell recognises the class by its simple name, so no subclass will do
            assertEquals(CommandException.class, thrown.getClass());
            assertSame(refusal, thrown.getCause());
            String shown = thrown.getNiceHelp();
            assertTrue(shown, shown.contains("Error executing command: name is required"));
        }
        assertEquals("", console.out());
        assertEquals("", console.err());
    }

    @Test
    public void namesEveryFieldErrorOfAValidationExceptionInTheMessage() throws Exception {
        assertEquals("name is required; commissionPercent must be between 0 and 100 (got 120)",
                refusalOf(failingWith(() -> new ValidationException(List.of(new FieldError("name", "is required"),
                        new FieldError("commissionPercent", "must be between 0 and 100 (got 120)"))))));
    }

    @Test
    public void aRefusalThatNamesNoFieldKeepsItsMessage() throws Exception {
        assertEquals("salesperson XX does not exist",
                refusalOf(failingWith(() -> new NotFoundException("salesperson", "XX"))));
        assertEquals("salesperson JO was changed by someone else (now at version 4); read it again and retry",
                refusalOf(failingWith(() -> new StaleVersionException("salesperson", "JO", 4))));
    }

    @Test
    public void aConflictWithFieldErrorsNamesTheFields() throws Exception {
        assertEquals("code is taken by an existing salesperson",
                refusalOf(failingWith(() -> new ConflictException("salesperson JO exists already",
                        List.of(new FieldError("code", "is taken by an existing salesperson"))))));
    }

    @Test
    public void aMissingServiceIsRefusedAsAnUnavailableModule() throws Exception {
        assertEquals("the salespeople module is not available", refusalOf(new OpportuneCommand() {
            @Override
            protected void run() {
                require(null, "salespeople");
            }
        }));
    }

    @Test(expected = IllegalStateException.class)
    public void otherExceptionsAreLeftToKaraf() throws Exception {
        failingWith(() -> new IllegalStateException("database is down")).execute();
    }

    @Test
    public void aCommandThatSucceedsPrintsItsOutputAndReturnsNull() throws Exception {
        Object result = new OpportuneCommand() {
            @Override
            protected void run() {
                System.out.println("Created salesperson JO");
            }
        }.execute();

        assertNull(result);
        assertArrayEquals(new String[] {"Created salesperson JO"}, console.outLines());
        assertEquals("", console.err());
    }

    /** A command that notes the caller its services would see, then fails as the supplier says, if it says so. */
    private static final class Noting extends OpportuneCommand {
        final List<Caller> seen = new ArrayList<>();
        final CallerContext callers;
        final Supplier<RuntimeException> failure;

        Noting(CallerContext callers, Supplier<RuntimeException> failure) {
            this.callers = callers;
            this.failure = failure;
        }

        @Override
        protected void run() {
            seen.add(callers.current());
            if (failure != null) {
                throw failure.get();
            }
        }
    }

    @Test
    public void aCommandRunsAsTheLoginOfItsSessionAndTheBindingEndsWithIt() throws Exception {
        CallerContext callers = new ThreadCallerContext();
        Noting command = References.inject(new Noting(callers, null), callers);
        Logins.execute(command, Logins.subject("anna", "admin", "sales-manager"));

        assertEquals(List.of(Caller.user("anna", Set.of("admin", "sales-manager"))), command.seen);
        assertEquals(Caller.system(), callers.current());
    }

    @Test
    public void aCommandWithoutALoginRunsAsTheSystem() throws Exception {
        CallerContext callers = new ThreadCallerContext();
        Noting command = References.inject(new Noting(callers, null), callers);
        command.execute();

        assertEquals(List.of(Caller.system()), command.seen);
    }

    @Test
    public void aRefusalUnderALoginIsThrownAndTheBindingEndsWithIt() throws Exception {
        CallerContext callers = new ThreadCallerContext();
        Noting command = References.inject(new Noting(callers,
                () -> new NotFoundException("salesperson", "XX")), callers);
        try {
            Logins.execute(command, Logins.subject("anna", "sales-viewer"));
            fail("the refusal was swallowed");
        } catch (CommandException thrown) {
            assertEquals("salesperson XX does not exist", thrown.getMessage());
        }
        assertEquals(List.of(Caller.user("anna", Set.of("sales-viewer"))), command.seen);
        assertEquals(Caller.system(), callers.current());
    }

    @Test
    public void percentagesShowUpToTwoDecimals() {
        assertEquals("12.5", OpportuneCommand.percent(new BigDecimal("12.500")));
        assertEquals("33.33", OpportuneCommand.percent(new BigDecimal("33.3333")));
        assertEquals("100", OpportuneCommand.percent(new BigDecimal("100.00")));
        assertEquals("", OpportuneCommand.percent(null));
    }

    @Test
    public void aLoginWithNoOpportuneRoleIsRefusedNamingTheRolesAndTheCommandDoesNotRun() throws Exception {
        CallerContext callers = new ThreadCallerContext();
        Noting command = References.inject(new Noting(callers, null), callers);
        try {
            // Karaf's own roles give no Opportune rights
            Logins.execute(command, Logins.subject("bob", "admin", "manager", "viewer", "ssh"));
            fail("a login without an Opportune role ran the command");
        } catch (CommandException thrown) {
            assertEquals("access denied: user bob has no Opportune role (needs one of the roles opportune-admin, "
                    + "sales-manager, salesperson, sales-viewer)", thrown.getMessage());
            assertEquals(Roles.ALL, ((AccessDeniedException) thrown.getCause()).requiredRoles());
        }
        assertEquals(List.of(), command.seen);
    }

    @Test
    public void aDenialOfTheServicesSaysWhatWasDeniedAndTheRoleThatWouldBeAllowed() throws Exception {
        assertEquals("access denied: only an opportune-admin may change salespeople (needs the role opportune-admin)",
                refusalOf(failingWith(() -> new AccessDeniedException("only an opportune-admin may change salespeople",
                        List.of(Roles.OPPORTUNE_ADMIN)))));
        assertEquals("access denied: the opportunity would belong to another salesperson: salespersonCode is not "
                + "your own salesperson JO (needs one of the roles opportune-admin, sales-manager)",
                refusalOf(failingWith(() -> new AccessDeniedException(
                        "the opportunity would belong to another salesperson",
                        List.of(Roles.OPPORTUNE_ADMIN, Roles.SALES_MANAGER),
                        List.of(new FieldError("salespersonCode", "is not your own salesperson JO"))))));
        assertEquals("access denied: not yours", refusalOf(failingWith(() -> new AccessDeniedException("not yours",
                List.of()))));
    }

    @Test
    public void theRolesAreThoseOfThePrincipalClassesConfiguredInOrgOpportuneRoles() throws Exception {
        CallerContext callers = new ThreadCallerContext();
        Noting command = References.inject(new Noting(callers, null), callers, Configurations.holding(
                "org.opportune.roles", Map.of("rolePrincipalClasses", OtherRealmRole.class.getName())));
        javax.security.auth.Subject subject = Logins.subject("anna", "opportune-admin");
        subject.getPrincipals().add(new OtherRealmRole("salesperson"));
        Logins.execute(command, subject);

        assertEquals(List.of(Caller.user("anna", Set.of("salesperson"))), command.seen);
    }
}
