package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "salesperson", name = "block",
        description = "Blocks a salesperson: no new or changed opportunity or contact may name them")
public class BlockSalesperson extends ChangeBlocked {

    @Override
    protected boolean blocked() {
        return true;
    }
}
