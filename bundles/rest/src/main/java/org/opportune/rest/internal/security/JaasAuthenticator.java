package org.opportune.rest.internal.security;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.CredentialExpiredException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.opportune.api.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in against a JAAS realm ({@code karaf} in Karaf: users in {@code etc/users.properties}) and
 * takes the roles from the subject's principals of the role principal classes (Karaf's {@link RolePrincipal} unless
 * {@code etc/org.opportune.roles.cfg} names others). The client's address goes into the subject as a
 * {@link ClientPrincipal} "http", as Karaf does for SSH and JMX, so that the realm's modules can judge a login
 * by where it comes from.
 */
public final class JaasAuthenticator implements Authenticator {
    public static final String KARAF_REALM = "karaf";

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final String realm;
    private final Configuration configuration;
    private final Supplier<Set<String>> rolePrincipalClasses;

    /** Against the realm as the JVM-wide JAAS configuration (Karaf's) defines it. */
    public JaasAuthenticator(String realm) {
        this(realm, () -> Set.of(RolePrincipal.class.getName()));
    }

    /** @param rolePrincipalClasses the class names of the principals that are roles, as configured now */
    public JaasAuthenticator(String realm, Supplier<Set<String>> rolePrincipalClasses) {
        this(realm, null, rolePrincipalClasses);
    }

    /** @param configuration the JAAS configuration to use, or null for the JVM-wide one */
    public JaasAuthenticator(String realm, Configuration configuration) {
        this(realm, configuration, () -> Set.of(RolePrincipal.class.getName()));
    }

    JaasAuthenticator(String realm, Configuration configuration, Supplier<Set<String>> rolePrincipalClasses) {
        this.realm = realm;
        this.configuration = configuration;
        this.rolePrincipalClasses = rolePrincipalClasses;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String user, char[] password, String client) {
        Subject subject = new Subject();
        if (client != null) {
            subject.getPrincipals().add(new ClientPrincipal("http", client));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the login module through the context class loader; Jetty's threads
        // carry the web container's, ours sees Karaf's boot classes (boot delegation)
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            LoginContext context;
            try {
                context = configuration == null ? new LoginContext(realm, subject, new Credentials(user, password))
                        : new LoginContext(realm, subject, new Credentials(user, password), configuration);
            } catch (LoginException | SecurityException e) {
                LOG.warn("the JAAS realm {} is not available: {}", realm, e.getMessage());
                throw new UnavailableException("authentication is not available right now");
            }
            try {
                context.login();
            } catch (CredentialExpiredException e) {
                LOG.debug("login of {} from {} refused until the password is changed: {}", user, client, e.getMessage());
                throw new PasswordChangeRequiredException(e.getMessage());
            } catch (LoginException e) {
                LOG.debug("login of {} refused by realm {}: {}", user, realm, e.getMessage());
                return Optional.empty();
            }
            Set<String> roleClasses = rolePrincipalClasses.get();
            Set<String> roles = subject.getPrincipals().stream()
                    .filter(principal -> roleClasses.contains(principal.getClass().getName()))
                    .map(Principal::getName).collect(Collectors.toSet());
            return Optional.of(new AuthenticatedUser(user, roles));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * @param configured the comma-separated class names of the configuration; blank: Karaf's {@link RolePrincipal}
     */
    public static Set<String> classNames(String configured) {
        Set<String> names = configured == null ? Set.of()
                : Arrays.stream(configured.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return names.isEmpty() ? Set.of(RolePrincipal.class.getName()) : names;
    }

    /** Answers the login modules' questions with the name and password of the request. */
    private record Credentials(String user, char[] password) implements CallbackHandler {
        @Override
        public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password);
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }
    }
}
