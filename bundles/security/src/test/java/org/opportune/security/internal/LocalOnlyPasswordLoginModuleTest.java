package org.opportune.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.CredentialExpiredException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.Test;

/**
 * The module in front of a users.properties-like module, as the guard chains them: admin's password is "admin"
 * (the shipped one) and bob's "s3cret" (changed); only 127.0.0.1 counts as local.
 */
public class LocalOnlyPasswordLoginModuleTest {
    private final List<String> log = new ArrayList<>();
    private final LocalOnlyPasswords rule = new LocalOnlyPasswords(List.of("admin"),
            AddressRanges.parse(List.of("127.0.0.1"), invalid -> { }), log::add);
    private final Configuration realm = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return new AppConfigurationEntry[] {
                new AppConfigurationEntry(LocalOnlyPasswordLoginModule.class.getName(),
                        LoginModuleControlFlag.REQUISITE, Map.of(LocalOnlyPasswordLoginModule.RULE_OPTION, rule)),
                new AppConfigurationEntry(UsersLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED,
                        Map.of()) };
        }
    };

    @Test
    public void theDefaultPasswordWorksFromALocalClient() throws LoginException {
        Subject subject = login("admin", "admin", new ClientPrincipal("ssh", "/127.0.0.1:50122"));

        assertEquals(Set.of(new RolePrincipal("admin")), subject.getPrincipals(RolePrincipal.class));
        assertTrue(log.isEmpty());
    }

    @Test
    public void theDefaultPasswordIsRefusedFromAnyOtherAddressSayingHowToSetOne() {
        CredentialExpiredException refused = assertThrows(CredentialExpiredException.class,
                () -> login("admin", "admin", new ClientPrincipal("ssh", "/127.0.0.2:50122")));

        assertTrue(refused.getMessage(), refused.getMessage().contains("default password"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("etc/users.properties"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("jaas:user-add admin <new password>"));
    }

    @Test
    public void aLoginThatNamesNoClientOrANonLocalOneAmongOthersIsNotLocal() {
        assertThrows(CredentialExpiredException.class, () -> login("admin", "admin"));
        assertThrows(CredentialExpiredException.class, () -> login("admin", "admin",
                new ClientPrincipal("http", "127.0.0.1"), new ClientPrincipal("http", "192.0.2.7")));
        assertThrows(CredentialExpiredException.class, () -> login("admin", "admin",
                new ClientPrincipal("http", "localhost")));
    }

    @Test
    public void theDefaultPasswordIsLocalOnlyForEveryUser() {
        assertThrows(CredentialExpiredException.class,
                () -> login("bob", "admin", new ClientPrincipal("jmx", "192.0.2.7")));
    }

    @Test
    public void aChangedPasswordWorksFromEverywhere() throws LoginException {
        login("bob", "s3cret", new ClientPrincipal("jmx", "192.0.2.7"));
        login("bob", "s3cret", new ClientPrincipal("http", "127.0.0.1"));
    }

    @Test
    public void otherFailuresStayTheRealmsOwn() {
        assertThrows(FailedLoginException.class,
                () -> login("bob", "wrong", new ClientPrincipal("http", "192.0.2.7")));
        assertTrue(log.isEmpty());
    }

    @Test
    public void aLoginWithoutPasswordIsNotJudged() {
        LocalOnlyPasswordLoginModule module = new LocalOnlyPasswordLoginModule();
        CallbackHandler keyOnly = callbacks -> {
            for (Callback callback : callbacks) {
                if (!(callback instanceof NameCallback)) {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
        module.initialize(new Subject(), keyOnly, Map.of(), Map.of(LocalOnlyPasswordLoginModule.RULE_OPTION, rule));

        assertEquals(false, tryLogin(module));
    }

    @Test
    public void theFirstRefusalIsLoggedTheOthersNot() {
        for (int i = 0; i < 3; i++) {
            assertThrows(CredentialExpiredException.class,
                    () -> login("admin", "admin", new ClientPrincipal("ssh", "/192.0.2.7:50122")));
        }

        assertEquals(1, log.size());
        assertTrue(log.get(0), log.get(0).startsWith("Refused a login of admin from ssh(/192.0.2.7:50122): "));
        assertTrue(log.get(0), log.get(0).contains("etc/users.properties"));
    }

    @Test
    public void withoutItsRuleTheModuleRefusesRatherThanLetsThrough() {
        LocalOnlyPasswordLoginModule module = new LocalOnlyPasswordLoginModule();
        module.initialize(new Subject(), credentials("admin", "s3cret"), Map.of(), Map.of());

        assertThrows(LoginException.class, module::login);
    }

    private Subject login(String user, String password, ClientPrincipal... clients) throws LoginException {
        Subject subject = new Subject();
        subject.getPrincipals().addAll(List.of(clients));
        new LoginContext("karaf", subject, credentials(user, password), realm).login();
        return subject;
    }

    private static boolean tryLogin(LoginModule module) {
        try {
            return module.login();
        } catch (LoginException e) {
            throw new AssertionError(e);
        }
    }

    private static CallbackHandler credentials(String user, String password) {
        return callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
    }

    /** users.properties in miniature: admin / admin and bob / s3cret, both with role admin. */
    public static final class UsersLoginModule implements LoginModule {
        private static final Map<String, String> PASSWORDS = Map.of("admin", "admin", "bob", "s3cret");
        private Subject subject;
        private CallbackHandler handler;

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
            if (!new String(password.getPassword()).equals(PASSWORDS.get(name.getName()))) {
                throw new FailedLoginException("user or password wrong");
            }
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new RolePrincipal("admin"));
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
