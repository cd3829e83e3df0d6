package org.opportune.rest.internal.whiteboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The services, of any class, that carry one whiteboard property (e.g. {@code osgi.jaxrs.resource=true}),
 * reporting every arrival, change and departure.
 */
final class JaxrsServices implements ServiceTrackerCustomizer<Object, Object> {
    private final BundleContext context;
    private final ServiceTracker<Object, Object> tracker;
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
        return Arrays.stream(references).sorted(Comparator.reverseOrder()).map(tracker::getService)
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
            Object service = tracker.getService(reference);
            if (service != null) { // null: it went away meanwhile
                Bundle bundle = reference.getBundle();
                registered.add(RegisteredResource.of(bundle == null ? null : bundle.getSymbolicName(),
                        (String[]) reference.getProperty(Constants.OBJECTCLASS), service));
            }
        }
        registered.sort(RegisteredResource.ORDER);
        return registered;
    }

    @Override
    public Object addingService(ServiceReference<Object> reference) {
        Object service = context.getService(reference);
        if (service != null) {
            onChange.run();
        }
        return service;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Object service) {
        onChange.run();
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Object service) {
        context.ungetService(reference);
        onChange.run();
    }
}
