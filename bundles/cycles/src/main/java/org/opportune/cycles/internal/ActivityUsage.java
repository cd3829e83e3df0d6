package org.opportune.cycles.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.opportune.api.Codes;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * DOMAIN §10: an activity that a sales cycle stage names cannot be deleted. Every stage counts, whoever asks: stages
 * are setup, which every role reads.
 * <p>
 * It reads the stages on the DataSource, not through the sales cycle service: that service binds the tasks
 * module's ActivityService while it starts, which binds this check — depending on the service would close a
 * cycle that DS breaks by leaving one of them unbound.
 */
@Component(service = UsageCheck.class, property = {UsageCheck.RESOURCE + "=" + UsageResources.ACTIVITY,
        UsageCheck.NAME_PROPERTY + "=sales-cycle-stages"})
public class ActivityUsage implements UsageCheck {
    private static final String STAGES_NAMING = "SELECT SALES_CYCLE_CODE, STAGE FROM SALES_CYCLE_STAGE"
            + " WHERE ACTIVITY_CODE = ? ORDER BY SALES_CYCLE_CODE, STAGE";

    private final DataSource dataSource;

    @Activate
    public ActivityUsage(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param key an activity code */
    @Override
    public Optional<String> usageOf(String key) {
        String code = Codes.normalise(key);
        if (code == null) {
            return Optional.empty(); // a blank key names no activity
        }
        List<String> naming = stagesNaming(code);
        if (naming.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(naming.size() == 1 ? "sales cycle stage " + naming.get(0) + " names it"
                : "sales cycle stages " + String.join(", ", naming) + " name it");
    }

    /** @return the keys of every stage naming {@code activityCode}, e.g. {@code STD/2} */
    private List<String> stagesNaming(String activityCode) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(STAGES_NAMING)) {
            select.setString(1, activityCode);
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1) + "/" + rows.getInt(2));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("the stages naming activity " + activityCode + " could not be read", e);
        }
    }
}
