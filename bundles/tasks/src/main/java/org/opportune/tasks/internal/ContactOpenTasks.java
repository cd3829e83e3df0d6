package org.opportune.tasks.internal;

import java.util.Optional;

import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A contact with open tasks cannot be deleted (DOMAIN §10). */
@Component(service = UsageCheck.class, property = {UsageCheck.RESOURCE + "=" + UsageResources.CONTACT,
        UsageCheck.NAME_PROPERTY + "=open-tasks"})
public class ContactOpenTasks implements UsageCheck {
    private final OpenTasks openTasks;

    @Activate
    public ContactOpenTasks(@Reference TasksDatabase database) {
        this.openTasks = new OpenTasks(database, "contactNo", "contact");
    }

    @Override
    public Optional<String> usageOf(String key) {
        return openTasks.usageOf(key);
    }
}
