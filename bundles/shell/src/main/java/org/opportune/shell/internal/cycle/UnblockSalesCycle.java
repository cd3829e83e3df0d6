package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "cycle", name = "unblock", description = "Unblocks a sales cycle")
public class UnblockSalesCycle extends ChangeCycleBlocked {

    @Override
    protected boolean blocked() {
        return false;
    }
}
