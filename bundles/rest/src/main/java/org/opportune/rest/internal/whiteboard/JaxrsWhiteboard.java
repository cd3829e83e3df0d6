package org.opportune.rest.internal.whiteboard;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.servlet.Servlet;

import org.glassfish.jersey.server.ResourceConfig;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.caller.CallerContext;
import org.opportune.rest.internal.http.Cors;
import org.opportune.rest.internal.json.ApiObjectMapper;
import org.opportune.rest.internal.resources.InstalledModules;
import org.opportune.rest.internal.security.AccessPolicy;
import org.opportune.rest.internal.security.BasicAuthentication;
import org.opportune.rest.internal.security.FileChangeWatch;
import org.opportune.rest.internal.security.JaasAuthenticator;
import org.opportune.rest.internal.security.LoginCache;
import org.opportune.rest.internal.security.LoginThrottle;
import org.opportune.rest.internal.security.RolePrincipals;
import org.opportune.rest.internal.security.ResourceAccess;
import org.opportune.rest.internal.security.UsersFile;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST front door: a small JAX-RS whiteboard. Every service with
 * {@code opportune.jaxrs.resource=true} (a resource) or {@code opportune.jaxrs.extension=true} (a filter,
 * exception mapper or provider) becomes part of one Jersey application, served by one servlet on
 * the HTTP whiteboard at {@value #PATTERN}. Services coming and going reload Jersey, batched. Each request
 * runs as its user, bound in the {@link CallerContext} (see {@link CallerBinding}).
 * It offers, inside this bundle, the {@link RegisteredResources} it tracks.
 * <p>
 * Until every installed module and every resource of this bundle have been there together once (the
 * {@link StartupLatch}), every request but {@code /health} is answered 503 with Retry-After: while the node
 * starts, a client sees "starting", never a 404 for a record that exists.
 */
@Component(service = RegisteredResources.class, immediate = true, configurationPid = JaxrsWhiteboard.PID)
@Designate(ocd = RestConfig.class)
public final class JaxrsWhiteboard implements RegisteredResources {
    public static final String PID = "org.opportune.rest";
    public static final String PATTERN = "/api/v1/*";
    public static final String RESOURCE_FILTER = "(" + RestWhiteboard.RESOURCE + ")";
    public static final String EXTENSION_FILTER = "(" + RestWhiteboard.EXTENSION + ")";
    static final Duration RELOAD_DELAY = Duration.ofMillis(75);
    private static final Logger LOG = LoggerFactory.getLogger(JaxrsWhiteboard.class);

    private final RestApplication application = new RestApplication(ApiObjectMapper.create());
    private final AccessPolicy policy = new AccessPolicy();
    private final RolePrincipals roles;
    /** Outlives configuration changes: a change made during an attack does not unblock the names it targets. */
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final JaxrsServices resources;
    private final JaxrsServices extensions;
    private final ReloadBatcher reloads;
    private final StartupLatch startup;
    private final JerseyServlet servlet;
    private final ServiceRegistration<Servlet> registration;
    private volatile BasicAuthentication authentication;
    private volatile Cors cors;

    /**
     * Who each request's services act for. Optional and dynamic: it lives in the persistence bundle, and while
     * that is stopped the API still answers (/health says what is down), requests then run unbound.
     */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callers;

    @Activate
    public JaxrsWhiteboard(BundleContext context, RestConfig config, @Reference RolePrincipals roles,
            @Reference ServiceComponentRuntime components) {
        this.roles = roles;
        this.authentication = authentication(config, roles);
        this.cors = cors(config);
        this.startup = new StartupLatch(new InstalledModules(context, components)::modules,
                BuiltInResources.of(context.getBundle()), Duration.ofSeconds(config.startupTimeoutSeconds()),
                Clock.systemUTC());
        this.servlet = new JerseyServlet(this::currentApplication,
                new CallerBinding(() -> authentication, () -> callers, startup::starting),
                served -> startup.serving(served.getSingletons()));
        this.reloads = new ReloadBatcher(servlet::reload, RELOAD_DELAY);
        this.resources = new JaxrsServices(context, RESOURCE_FILTER, reloads::request);
        this.extensions = new JaxrsServices(context, EXTENSION_FILTER, reloads::request);
        resources.open();
        extensions.open();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, PATTERN);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "opportune-rest");
        this.registration = context.registerService(Servlet.class, servlet, properties);
    }

    @Modified
    void modified(RestConfig config) {
        authentication = authentication(config, roles);
        cors = cors(config);
        reloads.request();
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister(); // Pax Web destroys the servlet and with it Jersey
        } catch (IllegalStateException alreadyGone) {
            // the framework unregistered it first (bundle stopping): nothing left to do
        }
        reloads.close();
        extensions.close();
        resources.close();
    }

    @Override
    public List<RegisteredResource> resources() {
        return resources.registered();
    }

    @Override
    public List<Class<?>> resourceClasses() {
        return resources.current().stream().<Class<?>>map(Object::getClass).distinct().toList();
    }

    @Override
    public ResourceAccess access() {
        return new ResourceAccess(policy, resources.declaredRoles());
    }

    private ResourceConfig currentApplication() {
        return application.build(resources.current(), extensions.current(), authentication, cors, access());
    }

    private static Cors cors(RestConfig config) {
        String[] origins = config.allowedOrigins() == null ? new String[0] : config.allowedOrigins();
        return Cors.allowing(List.of(origins), config.corsMaxAgeSeconds(), invalid -> LOG.warn(
                "{}: allowedOrigins: '{}' is not an origin (scheme://host[:port], no wildcard: the API takes "
                        + "credentials); left out", PID, invalid));
    }

    private BasicAuthentication authentication(RestConfig config, RolePrincipals roles) {
        Clock clock = Clock.systemUTC();
        FileChangeWatch usersFile = UsersFile.path(config.usersFile(), System::getProperty)
                .map(file -> new FileChangeWatch(file, clock)).orElse(null);
        LoginCache cache = new LoginCache(Duration.ofSeconds(Math.max(0, config.authCacheSeconds())), clock,
                usersFile);
        JaasAuthenticator realm = new JaasAuthenticator(JaasAuthenticator.KARAF_REALM, roles::classNames);
        return new BasicAuthentication(realm, cache, throttle,
                config.requireHttpsForRemoteClients());
    }
}
