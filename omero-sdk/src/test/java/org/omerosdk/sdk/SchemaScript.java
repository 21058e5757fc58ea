package org.omerosdk.sdk;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the DDL Hibernate would create for the mapped classes, per dialect: the starting point of a new Flyway
 * migration (review it, keep only the difference to the previous version). Run with
 * {@code java -cp ... org.omerosdk.sdk.SchemaScript H2|POSTGRESQL out.sql}.
 */
final class SchemaScript {
    private SchemaScript() {
    }

    public static void main(String[] args) {
        Dialect dialect = Dialect.valueOf(args[0]);
        Path out = Path.of(args[1]);
        HibernateSettings.configuration(dialect, Map.of(
                "jakarta.persistence.schema-generation.scripts.action", "create",
                "jakarta.persistence.schema-generation.scripts.create-target", out.toString(),
                "hibernate.hbm2ddl.delimiter", ";",
                "hibernate.format_sql", "false",
                "hibernate.boot.allow_jdbc_metadata_access", "false"))
                .buildSessionFactory().close();
    }
}
