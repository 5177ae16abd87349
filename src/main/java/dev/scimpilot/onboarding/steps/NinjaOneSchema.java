package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.AttributeDefinition;
import com.microsoft.graph.models.AttributeFlowBehavior;
import com.microsoft.graph.models.AttributeFlowType;
import com.microsoft.graph.models.AttributeMapping;
import com.microsoft.graph.models.AttributeMappingSource;
import com.microsoft.graph.models.AttributeType;
import com.microsoft.graph.models.DirectoryDefinition;
import com.microsoft.graph.models.Mutability;
import com.microsoft.graph.models.ObjectDefinition;
import com.microsoft.graph.models.ObjectMapping;
import com.microsoft.graph.models.SynchronizationRule;
import com.microsoft.graph.models.SynchronizationSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The NinjaOne part of runbook step 6 in the job's synchronization schema: the two String target attributes and
 * the two expression mappings (applied Always). Finds the user mapping by source object "User", not by display name.
 */
final class NinjaOneSchema {

    static final String EXTENSION = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";
    static final String USER_TYPE = EXTENSION + ":userType";
    static final String ORGANIZATION_ID = EXTENSION + ":organizationId";
    static final String ROLE_EXPRESSION = "SingleAppRoleAssignment([appRoleAssignments])";

    /** What is missing; {@code ruleId} is the user rule's id that provisionOnDemand needs. */
    record Gaps(String ruleId, boolean userTypeAttribute, boolean organizationIdAttribute, boolean userTypeMapping,
            boolean organizationIdMapping) {

        boolean none() {
            return !userTypeAttribute && !organizationIdAttribute && !userTypeMapping && !organizationIdMapping;
        }

        List<String> lines(String switchExpression) {
            List<String> out = new ArrayList<>();
            if (userTypeAttribute) {
                out.add("target attribute (String, optional): " + USER_TYPE);
            }
            if (organizationIdAttribute) {
                out.add("target attribute (String, optional): " + ORGANIZATION_ID);
            }
            if (userTypeMapping) {
                out.add("mapping (expression, Always): " + ROLE_EXPRESSION + " -> " + USER_TYPE);
            }
            if (organizationIdMapping) {
                out.add("mapping (expression, Always): " + switchExpression + " -> " + ORGANIZATION_ID);
            }
            return out;
        }
    }

    static final Gaps EVERYTHING = new Gaps(null, true, true, true, true);

    private NinjaOneSchema() {}

    static Gaps gaps(SynchronizationSchema schema, String switchExpression) {
        SynchronizationRule rule = userRule(schema);
        ObjectMapping users = userMapping(rule);
        ObjectDefinition target = targetObject(schema, rule, users);
        return new Gaps(rule.getId(), !hasAttribute(target, USER_TYPE), !hasAttribute(target, ORGANIZATION_ID),
                !hasMapping(users, USER_TYPE, ROLE_EXPRESSION), !hasMapping(users, ORGANIZATION_ID, switchExpression));
    }

    /** The expression now mapped to {@code target} in the user mapping (null when there is none): what a manual setup did. */
    static String expressionFor(SynchronizationSchema schema, String target) {
        ObjectMapping users = userMapping(userRule(schema));
        return users.getAttributeMappings() == null ? null : users.getAttributeMappings().stream()
                .filter(m -> target.equalsIgnoreCase(m.getTargetAttributeName()) && m.getSource() != null)
                .map(m -> m.getSource().getExpression() != null ? m.getSource().getExpression() : m.getSource().getName())
                .findFirst().orElse(null);
    }

    /** Adds what is missing and replaces a mapping to either attribute that has another expression. */
    static void fill(SynchronizationSchema schema, AttributeMappingSource userType, AttributeMappingSource organizationId) {
        SynchronizationRule rule = userRule(schema);
        ObjectMapping users = userMapping(rule);
        ObjectDefinition target = targetObject(schema, rule, users);
        List<AttributeDefinition> attributes = new ArrayList<>(target.getAttributes());
        for (String name : List.of(USER_TYPE, ORGANIZATION_ID)) {
            if (!hasAttribute(target, name)) {
                attributes.add(attribute(name));
            }
        }
        target.setAttributes(attributes);
        List<AttributeMapping> mappings = new ArrayList<>(users.getAttributeMappings());
        mappings.removeIf(m -> USER_TYPE.equalsIgnoreCase(m.getTargetAttributeName())
                || ORGANIZATION_ID.equalsIgnoreCase(m.getTargetAttributeName()));
        mappings.add(mapping(USER_TYPE, userType));
        mappings.add(mapping(ORGANIZATION_ID, organizationId));
        users.setAttributeMappings(mappings);
    }

    private static SynchronizationRule userRule(SynchronizationSchema schema) {
        return schema.getSynchronizationRules().stream().filter(r -> userMappingOrNull(r) != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("The provisioning job's schema has no mapping for users"));
    }

    private static ObjectMapping userMapping(SynchronizationRule rule) {
        return userMappingOrNull(rule);
    }

    private static ObjectMapping userMappingOrNull(SynchronizationRule rule) {
        return rule.getObjectMappings() == null ? null : rule.getObjectMappings().stream()
                .filter(m -> "User".equals(m.getSourceObjectName())).findFirst().orElse(null);
    }

    private static ObjectDefinition targetObject(SynchronizationSchema schema, SynchronizationRule rule, ObjectMapping users) {
        for (DirectoryDefinition dir : schema.getDirectories()) {
            if (dir.getName().equals(rule.getTargetDirectoryName())) {
                for (ObjectDefinition o : dir.getObjects()) {
                    if (o.getName().equals(users.getTargetObjectName())) {
                        return o;
                    }
                }
            }
        }
        throw new IllegalStateException("The schema has no target object " + users.getTargetObjectName() + " in "
                + rule.getTargetDirectoryName());
    }

    private static boolean hasAttribute(ObjectDefinition target, String name) {
        return target.getAttributes() != null && target.getAttributes().stream().anyMatch(a -> name.equalsIgnoreCase(a.getName()));
    }

    private static boolean hasMapping(ObjectMapping users, String target, String expression) {
        return users.getAttributeMappings() != null && users.getAttributeMappings().stream().anyMatch(m ->
                target.equalsIgnoreCase(m.getTargetAttributeName()) && m.getSource() != null
                        && expression.equals(m.getSource().getExpression()) && m.getFlowType() == AttributeFlowType.Always);
    }

    private static AttributeDefinition attribute(String name) {
        AttributeDefinition d = new AttributeDefinition();
        d.setName(name);
        d.setType(AttributeType.String);
        d.setRequired(false);
        d.setMultivalued(false);
        d.setMutability(Mutability.ReadWrite);
        d.setAnchor(false);
        d.setCaseExact(false);
        d.setFlowNullValues(false);
        return d;
    }

    private static AttributeMapping mapping(String target, AttributeMappingSource source) {
        AttributeMapping m = new AttributeMapping();
        m.setTargetAttributeName(target);
        m.setSource(source);
        m.setFlowType(AttributeFlowType.Always);
        m.setFlowBehavior(AttributeFlowBehavior.FlowWhenChanged);
        m.setMatchingPriority(0);
        m.setExportMissingReferences(false);
        return m;
    }
}
