package dev.scimpilot.onboarding.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.AppRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The EndUser app role of runbook step 5, and app roles carried between steps as a run fact (JSON). */
final class AppRoles {

    static final String VALUE = "endUser";
    static final String DISPLAY_NAME = "EndUser";
    static final String DESCRIPTION = "End users that need to access the application";
    static final List<String> MEMBER_TYPES = List.of("User", "Application");
    static final String DEFINITION = "appRole displayName: " + DISPLAY_NAME + ", value: " + VALUE
            + ", allowedMemberTypes: User (Users/Groups) + Application, enabled, description: " + DESCRIPTION;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppRoles() {}

    static AppRole endUser(UUID id) {
        AppRole r = new AppRole();
        r.setId(id);
        r.setValue(VALUE);
        r.setDisplayName(DISPLAY_NAME);
        r.setDescription(DESCRIPTION);
        r.setAllowedMemberTypes(MEMBER_TYPES);
        r.setIsEnabled(true);
        return r;
    }

    /** The runbook's EndUser role as it should be: value, display name, both member types, enabled. */
    static boolean isRight(AppRole r) {
        return VALUE.equals(r.getValue()) && DISPLAY_NAME.equals(r.getDisplayName()) && Boolean.TRUE.equals(r.getIsEnabled())
                && r.getAllowedMemberTypes() != null && r.getAllowedMemberTypes().containsAll(MEMBER_TYPES);
    }

    static String toJson(List<AppRole> roles) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AppRole r : roles == null ? List.<AppRole>of() : roles) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", r.getId().toString());
            m.put("displayName", r.getDisplayName());
            m.put("description", r.getDescription());
            m.put("value", r.getValue());
            m.put("allowedMemberTypes", r.getAllowedMemberTypes());
            m.put("isEnabled", r.getIsEnabled());
            m.put("origin", r.getOrigin());
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<AppRole> fromJson(String json) {
        try {
            List<AppRole> roles = new ArrayList<>();
            List<Map<String, Object>> list = JSON.readValue(json, List.class);
            for (Map<String, Object> m : list) {
                AppRole r = new AppRole();
                r.setId(UUID.fromString((String) m.get("id")));
                r.setDisplayName((String) m.get("displayName"));
                r.setDescription((String) m.get("description"));
                r.setValue((String) m.get("value"));
                r.setAllowedMemberTypes((List<String>) m.get("allowedMemberTypes"));
                r.setIsEnabled((Boolean) m.get("isEnabled"));
                r.setOrigin((String) m.get("origin"));
                roles.add(r);
            }
            return roles;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable app roles fact", e);
        }
    }
}
