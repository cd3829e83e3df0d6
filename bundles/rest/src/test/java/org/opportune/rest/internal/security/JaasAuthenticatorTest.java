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
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

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

    @Test
    public void rightCredentialsGiveTheUserAndTheRoles() {
        AuthenticatedUser user = new JaasAuthenticator("karaf", karafLike).authenticate("admin", "admin".toCharArray())
                .orElseThrow();

        assertEquals("admin", user.name());
        assertEquals(Set.of("admin", "manager"), user.roles());
    }

    @Test
    public void wrongCredentialsGiveNothing() {
        assertTrue(new JaasAuthenticator("karaf", karafLike).authenticate("admin", "nope".toCharArray()).isEmpty());
        assertTrue(new JaasAuthenticator("karaf", karafLike).authenticate("eve", "admin".toCharArray()).isEmpty());
    }

    @Test
    public void aMissingRealmIsUnavailableNotUnauthorized() {
        assertThrows(UnavailableException.class,
                () -> new JaasAuthenticator("nowhere", karafLike).authenticate("admin", "admin".toCharArray()));
    }

    /** users.properties in miniature: admin / admin with roles admin and manager. */
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
            if (!"admin".equals(name.getName()) || !"admin".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("user or password wrong");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
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
