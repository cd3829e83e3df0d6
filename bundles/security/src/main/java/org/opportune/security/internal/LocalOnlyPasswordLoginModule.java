package org.opportune.security.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.CredentialExpiredException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;

/**
 * The first login module of the realm {@code karaf}: it refuses a local-only password from a client that is not
 * local, and stays out of every other login (returns false: "ignore me"), leaving the decision to the realm's
 * own modules. Which client it is comes from the {@link ClientPrincipal}s that Karaf's SSH and JMX, and
 * Opportune's REST API, put into the subject before the login.
 * <p>
 * The refusal is a {@link CredentialExpiredException}: the JAAS way of saying "right password, but it must be
 * changed before it can be used here"; its message tells how.
 */
public final class LocalOnlyPasswordLoginModule implements LoginModule {
    /** The option that carries the {@link LocalOnlyPasswords} rule, set by {@link KarafRealmGuard}. */
    static final String RULE_OPTION = "org.opportune.security.localOnlyPasswords";

    private Subject subject;
    private CallbackHandler callbacks;
    private LocalOnlyPasswords rule;

    /** JAAS (through Karaf's ProxyLoginModule) makes one for every login. */
    public LocalOnlyPasswordLoginModule() {
    }

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.rule = (LocalOnlyPasswords) options.get(RULE_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (rule == null || callbacks == null) {
            throw new LoginException("the local-only password check is not configured");
        }
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] { name, password });
        } catch (UnsupportedCallbackException noPassword) {
            return false; // a login without a password (an SSH key): not ours to judge
        } catch (IOException e) {
            throw new LoginException("could not read the credentials: " + e.getMessage());
        }
        try {
            Optional<String> refusal = rule.refusal(name.getName(), password.getPassword(),
                    subject.getPrincipals(ClientPrincipal.class));
            if (refusal.isPresent()) {
                throw new CredentialExpiredException(refusal.get());
            }
            return false;
        } finally {
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        return false;
    }

    @Override
    public boolean abort() {
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }
}
