package org.omerosdk.sdk;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.Query;

/**
 * The single read path: every query the SDK runs is built here from a {@link Select}, with the caller's
 * {@link ReadFilter} condition added. Lives for one transaction.
 */
final class QueryPath {
    private final Session session;
    private final SecurityContext ctx;
    private final ReadFilter filter;

    QueryPath(Session session, SecurityContext ctx, ReadFilter filter) {
        this.session = session;
        this.ctx = ctx;
        this.filter = filter;
    }

    SecurityContext context() {
        return ctx;
    }

    /** The transaction's Hibernate session, for the few tables that are not entities (group import folders). */
    Session hibernate() {
        return session;
    }

    /** The read filter's condition on event log rows under {@code alias} (empty when all are visible). */
    Optional<String> logCondition(String alias) {
        return filter.logCondition(ctx, alias);
    }

    <T> List<T> list(Select<T> s) {
        Query<T> q = session.createQuery(hql(s, "select o"), s.type);
        bind(q, s);
        q.setFirstResult(s.offset);
        if (s.limit != Integer.MAX_VALUE) {
            q.setMaxResults(s.limit);
        }
        return q.getResultList();
    }

    <T> long count(Select<T> s) {
        Query<Long> q = session.createQuery(hql(s, "select count(o)").replaceAll(" order by .*$", ""), Long.class);
        bind(q, s);
        return q.getSingleResult();
    }

    /**
     * How many rows of {@code s} (filtered as any read) there are per value of {@code key}, an HQL path over
     * {@code o} or a joined alias: one grouped query for the child counts of a page of containers.
     */
    <T> java.util.Map<Long, Long> countBy(Select<T> s, String key) {
        Query<Object[]> q = session.createQuery(hql(s, "select " + key + ", count(o)")
                .replaceAll(" order by .*$", " group by " + key), Object[].class);
        bind(q, s);
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] row : q.getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    <T> Optional<T> first(Select<T> s) {
        return list(s.page(0, 1)).stream().findFirst();
    }

    <T> Optional<T> byId(Class<T> type, long id) {
        return first(Select.from(type).whereEquals("o.id", id));
    }

    private String hql(Select<?> s, String projection) {
        StringBuilder h = new StringBuilder(projection).append(" from ").append(s.type.getName()).append(" o")
                .append(s.joins);
        List<String> conditions = new java.util.ArrayList<>(s.conditions);
        filter.condition(ctx, s.type).ifPresent(conditions::add);
        if (!conditions.isEmpty()) {
            h.append(" where ").append(String.join(" and ", conditions));
        }
        return h.append(" order by ").append(s.orderBy).toString();
    }

    private static void bind(Query<?> q, Select<?> s) {
        for (Object[] p : s.parameters) {
            if (p[1] instanceof java.util.Collection<?> values) {
                q.setParameterList((String) p[0], values);
            } else {
                q.setParameter((String) p[0], p[1]);
            }
        }
    }
}
