package org.omerosdk.sdk;

/**
 * The database products the SDK has migrations for. Migrations are written once, in {@code db/migration/common},
 * in SQL that H2 and PostgreSQL both accept; a vendor folder holds only what truly differs (V1's column types:
 * H2's native enums and blob against PostgreSQL's checked varchars and bytea, as Hibernate maps them). Flyway
 * reads both folders as one sequence of versions, so a version number exists in one folder only.
 */
enum Dialect {
    H2("h2", "org.hibernate.dialect.H2Dialect"),
    POSTGRESQL("postgresql", "org.hibernate.dialect.PostgreSQLDialect");

    /** Where the migrations every dialect shares live. */
    static final String COMMON_MIGRATIONS = "classpath:db/migration/common";

    /** Flyway locations for this dialect: the shared folder, then the vendor's own. */
    final String[] migrations;
    final String hibernateDialect;

    Dialect(String folder, String hibernateDialect) {
        this.migrations = new String[] {COMMON_MIGRATIONS, "classpath:db/migration/" + folder};
        this.hibernateDialect = hibernateDialect;
    }

    static Dialect ofProductName(String product) {
        return product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }
}
