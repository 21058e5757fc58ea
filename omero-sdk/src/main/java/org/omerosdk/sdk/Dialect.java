package org.omerosdk.sdk;

/** The database products the SDK has migrations for. */
enum Dialect {
    H2("h2", "org.hibernate.dialect.H2Dialect"),
    POSTGRESQL("postgresql", "org.hibernate.dialect.PostgreSQLDialect");

    final String migrations;
    final String hibernateDialect;

    Dialect(String folder, String hibernateDialect) {
        this.migrations = "classpath:db/migration/" + folder;
        this.hibernateDialect = hibernateDialect;
    }

    static Dialect ofProductName(String product) {
        return product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }
}
