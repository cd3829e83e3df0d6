package org.opportune.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomPreconditionErrorException;
import liquibase.exception.CustomPreconditionFailedException;
import liquibase.precondition.CustomPrecondition;

/**
 * The baseline change sets' precondition: holds while the table is not in the connection's schema.
 * Liquibase 4.33's own {@code <not><tableExists/></not>} does not see an existing {@code NUMBER_SERIES}
 * on Derby (a table {@code T1} it does see), so the baseline would create it again and fail; this asks
 * JDBC for the schema's tables and compares their names.
 * <p>
 * In a changelog: {@code <customPrecondition className="org.opportune.persistence.internal.TableMissing">
 * <param name="tableName" value="NUMBER_SERIES"/></customPrecondition>}.
 */
public class TableMissing implements CustomPrecondition {
    private String tableName;

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    @Override
    public void check(Database database) throws CustomPreconditionFailedException, CustomPreconditionErrorException {
        try {
            if (exists(((JdbcConnection) database.getConnection()).getUnderlyingConnection())) {
                throw new CustomPreconditionFailedException("table " + tableName + " exists");
            }
        } catch (SQLException e) {
            throw new CustomPreconditionErrorException("cannot list the tables: " + e.getMessage(), e);
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), null,
                new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(tableName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
