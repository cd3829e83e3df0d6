package org.opportune.tasks.internal;

import java.util.Optional;

import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A salesperson with open tasks cannot be deleted (DOMAIN §10). */
@Component(service = UsageCheck.class, property = {UsageCheck.RESOURCE + "=" + UsageResources.SALESPERSON,
        UsageCheck.NAME_PROPERTY + "=open-tasks"})
public class SalespersonOpenTasks implements UsageCheck {
    private final OpenTasks openTasks;

    @Activate
    public SalespersonOpenTasks(@Reference TasksDatabase database) {
        this.openTasks = new OpenTasks(database, "salespersonCode", "salesperson");
    }

    @Override
    public Optional<String> usageOf(String key) {
        return openTasks.usageOf(key);
    }
}
