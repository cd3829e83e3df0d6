package org.opportune.rest.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.CredentialExpiredException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.Test;
import org.opportune.api.UnavailableException;

/** Against a JAAS realm shaped like Karaf's: a login module that adds a UserPrincipal and RolePrincipals. */
public class JaasAuthenticatorTest {
    private final Configuration karafLike = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return !name.equals("karaf") ? null : new AppConfigurationEntry[] { new AppConfigurationEntry(
                    UsersLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, Map.of()) };
        }
    };

    private final JaasAuthenticator realm = new JaasAuthenticator("karaf", karafLike);

    @Test
    public void rightCredentialsGiveTheUserAndTheRoles() {
        AuthenticatedUser user = realm.authenticate("admin", "admin".toCharArray(), "127.0.0.1").orElseThrow();

        assertEquals("admin", user.name());
        assertEquals(Set.of("admin", "manager"), user.roles());
    }

    @Test
    public void theRolesAKarafGroupGivesAreRolesAndTheGroupItselfIsNot() {
        AuthenticatedUser clerk = realm.authenticate("clerk", "clerk".toCharArray(), "127.0.0.1").orElseThrow();

        assertEquals("as users.properties' clerk = clerk,_g_:salesgroup with _g_\\:salesgroup = group,sales,viewer",
                Set.of("sales", "viewer"), clerk.roles());
    }

    @Test
    public void anotherLoginModulesRolePrincipalsCountWhenTheirClassIsConfigured() {
        JaasAuthenticator sso = new JaasAuthenticator("karaf", karafLike,
                () -> JaasAuthenticator.classNames(SsoRole.class.getName() + ", " + RolePrincipal.class.getName()));
        JaasAuthenticator karafOnly = new JaasAuthenticator("karaf", karafLike,
                () -> JaasAuthenticator.classNames(" "));

        assertEquals(Set.of("sales", "viewer", "sales-manager"),
                sso.authenticate("clerk", "clerk".toCharArray(), "127.0.0.1").orElseThrow().roles());
        assertEquals("blank: Karaf's RolePrincipal alone", Set.of("sales", "viewer"),
                karafOnly.authenticate("clerk", "clerk".toCharArray(), "127.0.0.1").orElseThrow().roles());
    }

    /** A role principal of another login module. */
    public record SsoRole(String getName) implements java.security.Principal {
    }

    @Test
    public void wrongCredentialsGiveNothing() {
        assertTrue(realm.authenticate("admin", "nope".toCharArray(), "127.0.0.1").isEmpty());
        assertTrue(realm.authenticate("eve", "admin".toCharArray(), "127.0.0.1").isEmpty());
    }

    @Test
    public void theRealmSeesTheClientAndMayAskForAnotherPassword() {
        PasswordChangeRequiredException e = assertThrows(PasswordChangeRequiredException.class,
                () -> realm.authenticate("admin", "admin".toCharArray(), "192.0.2.7"));

        assertEquals("admin's password works from 127.0.0.1 only, not from http(192.0.2.7)", e.getMessage());
    }

    @Test
    public void aMissingRealmIsUnavailableNotUnauthorized() {
        assertThrows(UnavailableException.class,
                () -> new JaasAuthenticator("nowhere", karafLike).authenticate("admin", "admin".toCharArray(), null));
    }

    /**
     * users.properties in miniature: admin / admin with roles admin and manager, taken from 127.0.0.1 only (as
     * Opportune's login safety does for a default password); clerk / clerk in the group salesgroup, whose roles
     * Karaf's properties login module adds as role principals next to a group principal.
     */
    public static final class UsersLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] { name, password });
            } catch (Exception e) {
                throw new LoginException(e.getMessage());
            }
            String secret = new String(password.getPassword());
            if (!("admin".equals(name.getName()) || "clerk".equals(name.getName())) || !name.getName().equals(secret)) {
                throw new FailedLoginException("user or password wrong");
            }
            ClientPrincipal client = subject.getPrincipals(ClientPrincipal.class).iterator().next();
            if (!client.getAddress().equals("127.0.0.1")) {
                throw new CredentialExpiredException(name.getName() + "'s password works from 127.0.0.1 only,"
                        + " not from " + client.getName());
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            if (user.equals("clerk")) {
                subject.getPrincipals().add(new GroupPrincipal("salesgroup"));
                subject.getPrincipals().add(new RolePrincipal("sales"));
                subject.getPrincipals().add(new RolePrincipal("viewer"));
                subject.getPrincipals().add(new SsoRole("sales-manager"));
                return true;
            }
            subject.getPrincipals().add(new RolePrincipal("admin"));
            subject.getPrincipals().add(new RolePrincipal("manager"));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }
}
