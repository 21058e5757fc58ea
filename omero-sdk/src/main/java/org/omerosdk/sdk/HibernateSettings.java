package org.omerosdk.sdk;

import java.util.HashMap;
import java.util.Map;
import org.hibernate.cfg.Configuration;

/** The Hibernate settings every SDK database uses; one place so that schema scripts and runtime agree. */
final class HibernateSettings {
    /** JDBC batch size; inserts are ordered so that each batch holds one table. */
    static final int BATCH_SIZE = 100;

    private HibernateSettings() {
    }

    static Configuration configuration(Dialect dialect, Map<String, Object> extra) {
        Configuration cfg = new Configuration();
        EntityClasses.CONVERTERS.forEach(cfg::addAnnotatedClass);
        EntityClasses.ENTITIES.forEach(cfg::addAnnotatedClass);
        Map<String, Object> p = new HashMap<>();
        // the dialect is detected from the connection; naming it explicitly is deprecated in Hibernate 7
        p.put("hibernate.auto_quote_keyword", "true");
        // annotations only: no orm.xml lookup, and no JAXB on the class path
        p.put("hibernate.xml_mapping_enabled", "false");
        p.put("hibernate.jdbc.batch_size", Integer.toString(BATCH_SIZE));
        p.put("hibernate.order_inserts", "true");
        p.put("hibernate.order_updates", "true");
        p.put("hibernate.jdbc.batch_versioned_data", "true");
        p.put("hibernate.id.optimizer.pooled.preferred", "pooled-lo");
        p.put("hibernate.jdbc.time_zone", "UTC");
        p.put("hibernate.show_sql", "false");
        p.put("hibernate.connection.provider_disables_autocommit", "false");
        if (dialect == Dialect.H2) {
            // Hibernate's H2 default creates a global temporary id table per entity at every start (some 50 DDL
            // statements and commits, a tenth of an open) and drops them at close, for HQL insert-select and
            // multi-table mutations the SDK hardly runs; local temporary tables are created by the query that
            // needs one, inside its session (PostgreSQL's dialect does so already)
            p.put("hibernate.query.mutation_strategy",
                    "org.hibernate.query.sqm.mutation.internal.temptable.LocalTemporaryTableMutationStrategy");
            p.put("hibernate.query.insert_strategy",
                    "org.hibernate.query.sqm.mutation.internal.temptable.LocalTemporaryTableInsertStrategy");
        }
        p.putAll(extra);
        p.forEach((k, v) -> cfg.getProperties().put(k, v));
        return cfg;
    }
}
