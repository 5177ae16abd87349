package dev.scimpilot.onboarding;

import com.microsoft.graph.models.User;

/**
 * A client-tenant user as runbook step 1's rule sees it (the properties the rule and the Switch look at).
 *
 * @param exchangePlan1Enabled Exchange Online (Plan 1) is among the user's assigned plans with status Enabled
 */
public record DirectoryUser(String id, String userPrincipalName, String mail, String companyName,
        boolean accountEnabled, String userType, boolean exchangePlan1Enabled) {

    /** The Graph properties {@link #of(User)} needs; list them in {@code $select}. */
    public static final String[] SELECT = {"id", "userPrincipalName", "mail", "companyName", "accountEnabled", "userType",
            "assignedPlans"};

    public static DirectoryUser of(User u) {
        return new DirectoryUser(u.getId(), u.getUserPrincipalName(), u.getMail(), u.getCompanyName(),
                Boolean.TRUE.equals(u.getAccountEnabled()), u.getUserType(),
                Licences.exchangeOnlinePlan1Enabled(u.getAssignedPlans()));
    }

    /** The mail address, else the UPN: how people are named in cards. */
    public String address() {
        return mail != null && !mail.isBlank() ? mail : userPrincipalName;
    }
}
