package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.ManyToOne;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.meta.Link;
import org.omerosdk.sdk.graph.GraphOperation;
import org.omerosdk.sdk.graph.GraphPolicy;
import org.omerosdk.sdk.graph.Relation;
import org.omerosdk.sdk.graph.TypeRole;

/** The policy covers the whole model: every mapped class has a role, every reference a relation. */
class GraphPolicyTest {
    private final GraphPolicy policy = GraphPolicy.omero();

    @Test
    void everyMappedEntityClassHasAPolicy() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : EntityClasses.ENTITIES) {
            if (policy.role(c).isEmpty()) {
                missing.add(c.getSimpleName());
            }
        }
        assertTrue(missing.isEmpty(), "mapped classes without a graph policy: " + missing);
    }

    @Test
    void everyReferenceBetweenDataTypesIsARelationOfThePolicy() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : EntityClasses.ENTITIES) {
            if (policy.role(c).orElse(TypeRole.SYSTEM) == TypeRole.SYSTEM || Link.class.isAssignableFrom(c)) {
                continue;
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(ManyToOne.class)) {
                    boolean covered = policy.relations().stream().anyMatch(r -> r.path() instanceof Relation.Contains
                            ct && ct.property().equals(f.getName()) && r.to().isAssignableFrom(c)
                            || r.path() instanceof Relation.Uses u && u.property().equals(f.getName())
                            && r.from().isAssignableFrom(c));
                    if (!covered) {
                        missing.add(c.getSimpleName() + "." + f.getName());
                    }
                }
            }
        }
        for (Class<?> c : EntityClasses.ENTITIES) {
            if (policy.role(c).orElse(null) == TypeRole.LINK) {
                assertTrue(policy.relations().stream().anyMatch(r -> r.path() instanceof Relation.Linked l
                        && l.type() == c), c.getSimpleName() + " has no relation");
            }
        }
        assertTrue(missing.isEmpty(), "references without a relation: " + missing);
    }

    @Test
    void everyAnnotationKindHasAFateForEveryOperationAndForUnlinking() {
        for (Class<?> c : EntityClasses.ENTITIES) {
            if (Annotation.class.isAssignableFrom(c)) {
                for (GraphOperation op : GraphOperation.values()) {
                    policy.annotationRule(c, op);
                }
                policy.unlinkRule(c);
            }
        }
    }

    @Test
    void theDeleteOrderPutsEveryReferrerBeforeWhatItRefersTo() {
        List<Class<?>> order = GraphTraversal.deleteOrder();
        for (Relation r : policy.relations()) {
            Class<?> from = GraphTraversal.root(r.from());
            Class<?> to = GraphTraversal.root(r.to());
            if (r.path() instanceof Relation.Contains && from != to) {
                assertTrue(order.indexOf(to) < order.indexOf(from), r.toString());
            } else if (r.path() instanceof Relation.Uses && from != to) {
                assertTrue(order.indexOf(from) < order.indexOf(to), r.toString());
            }
        }
        assertEquals(order.size(), new java.util.HashSet<>(order).size());
    }
}
