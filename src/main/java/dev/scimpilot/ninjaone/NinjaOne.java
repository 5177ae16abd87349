package dev.scimpilot.ninjaone;

import java.util.List;
import java.util.Optional;

/**
 * NinjaOne in runbook terms: the client organizations and the end users SCIM provisioned into them. Read-only;
 * every call may throw {@link NinjaOneException}, whose message never contains credentials.
 */
public interface NinjaOne {

    /** All organizations (the runbook's "NinjaOne Organization ID" comes from here). */
    List<NinjaOrganization> organizations();

    /** One organization, or empty if NinjaOne does not know the id. */
    Optional<NinjaOrganization> organization(long organizationId);

    /** End users of an organization (runbook step 8: "users appear under the correct organization"). */
    List<NinjaEndUser> endUsers(long organizationId);

    /** End users that belong to no organization: where a companyName mismatch with fallback "All" puts them. */
    List<NinjaEndUser> globalEndUsers();
}
