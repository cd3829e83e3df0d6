package org.opportune.rest.internal.whiteboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opportune.rest.internal.security.DeclaredRoles;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The services, of any class, that carry one whiteboard property (e.g. {@code opportune.jaxrs.resource=true}),
 * reporting every arrival, change and departure. A service object is got when the application is built or
 * listed, not when the service arrives: a resource that refers back to the whiteboard (as {@code /extensions}
 * does) must not be activated while the whiteboard itself is being activated.
 */
final class JaxrsServices implements ServiceTrackerCustomizer<Object, JaxrsServices.Tracked> {
    private final BundleContext context;
    private final ServiceTracker<Object, Tracked> tracker;
    private final Runnable onChange;

    JaxrsServices(BundleContext context, String filter, Runnable onChange) {
        this.context = context;
        this.onChange = onChange;
        try {
            this.tracker = new ServiceTracker<>(context, context.createFilter(filter), this);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not an LDAP filter: " + filter, e);
        }
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    /** The service objects now, highest {@code service.ranking} first. */
    List<Object> current() {
        ServiceReference<Object>[] references = tracker.getServiceReferences();
        if (references == null) {
            return List.of();
        }
        return Arrays.stream(references).sorted(Comparator.reverseOrder()).map(this::service)
                .filter(service -> service != null).toList();
    }

    /** What is tracked now, as {@code /extensions} lists it, in {@link RegisteredResource#ORDER}. */
    List<RegisteredResource> registered() {
        ServiceReference<Object>[] references = tracker.getServiceReferences();
        if (references == null) {
            return List.of();
        }
        List<RegisteredResource> registered = new ArrayList<>();
        for (ServiceReference<Object> reference : references) {
            Object service = service(reference);
            if (service != null) { // null: it went away meanwhile, or its component failed
                Bundle bundle = reference.getBundle();
                registered.add(RegisteredResource.of(bundle == null ? null : bundle.getSymbolicName(),
                        (String[]) reference.getProperty(Constants.OBJECTCLASS), service));
            }
        }
        registered.sort(RegisteredResource.ORDER);
        return registered;
    }

    /**
     * The roles the services of other bundles declare, by the class of their objects (the highest ranked
     * service of a class counts); this bundle's own resources are the access policy's.
     */
    Map<Class<?>, DeclaredRoles> declaredRoles() {
        ServiceReference<Object>[] references = tracker.getServiceReferences();
        Map<Class<?>, DeclaredRoles> declared = new LinkedHashMap<>();
        if (references == null) {
            return declared;
        }
        Bundle own = context.getBundle();
        Arrays.stream(references).sorted(Comparator.reverseOrder())
                .filter(reference -> !own.equals(reference.getBundle())).forEach(reference -> {
                    Object service = service(reference);
                    if (service != null) {
                        declared.putIfAbsent(service.getClass(), DeclaredRoles.of(reference::getProperty));
                    }
                });
        return declared;
    }

    private Object service(ServiceReference<Object> reference) {
        Tracked tracked = tracker.getService(reference);
        return tracked == null ? null : tracked.service();
    }

    @Override
    public Tracked addingService(ServiceReference<Object> reference) {
        onChange.run();
        return new Tracked(context, reference);
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Tracked tracked) {
        onChange.run();
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Tracked tracked) {
        tracked.release();
        onChange.run();
    }

    /** One tracked service, its object got on first use and kept until the service goes. */
    static final class Tracked {
        private final BundleContext context;
        private final ServiceReference<Object> reference;
        private boolean got;
        private Object service;

        Tracked(BundleContext context, ServiceReference<Object> reference) {
            this.context = context;
            this.reference = reference;
        }

        synchronized Object service() {
            if (!got) {
                service = context.getService(reference);
                got = service != null; // null (its component failed): asked again next time, nothing to unget
            }
            return service;
        }

        synchronized void release() {
            if (got) {
                context.ungetService(reference);
                got = false;
                service = null;
            }
        }
    }
}
