package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A read query as data: the entity, conditions, order and page. Only {@link QueryPath} turns it into HQL, so that
 * every read passes the same filter. Conditions are HQL fragments over the alias {@code o} with named parameters.
 */
final class Select<T> {
    final Class<T> type;
    final List<String> conditions = new ArrayList<>();
    final List<Object[]> parameters = new ArrayList<>();
    String joins = "";
    String orderBy = "o.id";
    int offset;
    int limit = Integer.MAX_VALUE;

    private Select(Class<T> type) {
        this.type = Objects.requireNonNull(type);
    }

    static <T> Select<T> from(Class<T> type) {
        return new Select<>(type);
    }

    /** {@code o.path = :pN}. */
    Select<T> whereEquals(String path, Object value) {
        String p = "p" + parameters.size();
        conditions.add(path + " = :" + p);
        parameters.add(new Object[] {p, value});
        return this;
    }

    /**
     * {@code (o.path = :pN or o.path = :pM ...)}: one scalar parameter per value rather than a list, since Hibernate
     * translates a query with a list parameter to SQL again on every execution.
     */
    Select<T> whereAny(String path, Object... values) {
        java.util.StringJoiner any = new java.util.StringJoiner(" or ", "(", ")");
        for (Object value : values) {
            String p = "p" + parameters.size();
            any.add(path + " = :" + p);
            parameters.add(new Object[] {p, value});
        }
        conditions.add(any.toString());
        return this;
    }

    /** Any HQL condition with one parameter named {@code :v}, renamed to stay unique. */
    Select<T> where(String condition, Object value) {
        String p = "p" + parameters.size();
        conditions.add(condition.replace(":v", ":" + p));
        parameters.add(new Object[] {p, value});
        return this;
    }

    /** Any HQL condition without parameters. */
    Select<T> where(String condition) {
        conditions.add(condition);
        return this;
    }

    /**
     * Named objects whose name or description contains {@code text}, ignoring case; {@code %} and {@code _} match
     * themselves.
     */
    Select<T> containing(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_");
        return where("(lower(o.name) like :v escape '!' or lower(o.description) like :v escape '!')",
                "%" + escaped + "%");
    }

    Select<T> join(String join) {
        this.joins = joins + " " + join;
        return this;
    }

    Select<T> orderBy(String order) {
        this.orderBy = order;
        return this;
    }

    Select<T> page(int offset, int limit) {
        this.offset = offset;
        this.limit = limit;
        return this;
    }
}
