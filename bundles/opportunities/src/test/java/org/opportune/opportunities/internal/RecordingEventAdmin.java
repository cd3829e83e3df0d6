package org.opportune.opportunities.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An EventAdmin that keeps what is posted, in order. */
class RecordingEventAdmin implements EventAdmin {
    final List<Event> posted = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        posted.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        throw new AssertionError("events are posted asynchronously, never sent");
    }

    List<String> topics() {
        return posted.stream().map(Event::getTopic).toList();
    }
}
