package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "cycle", name = "block",
        description = "Blocks a sales cycle: no new opportunity may use it, those on it keep working")
public class BlockSalesCycle extends ChangeCycleBlocked {

    @Override
    protected boolean blocked() {
        return true;
    }
}
