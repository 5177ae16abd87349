package dev.scimpilot.onboarding;

import dev.scimpilot.secrets.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What {@code onboard.submit} sends: the draft id from the card's data plus the form's inputs. Teams sends
 * every input as a string. The token binds straight into a {@link Secret}.
 */
record OnboardFormSubmission(
        @NotBlank String draftId,
        @NotBlank @Size(max = 100) String clientName,
        @NotBlank @Pattern(regexp = Validation.DOMAIN, message = "must be a domain like contoso.com") String emailDomain,
        @Pattern(regexp = "^(" + Validation.GUID + ")?$", message = "must be a GUID or empty") String tenantId,
        @NotBlank @Pattern(regexp = "^[0-9]{1,10}$", message = "must be a NinjaOne organization id") String ninjaOrgId,
        @NotBlank @Pattern(regexp = "^(All|skip)$", message = "must be All or skip") String fallback,
        @NotBlank @Size(max = 120) @Pattern(regexp = Validation.GROUP_NAME, message = "must not contain @ \" \\ / [ ] : | < > + = ; , ? *") String groupName,
        @NotBlank @Size(max = 200) @Pattern(regexp = Validation.PATTERN_WORDS, message = "must be words separated by |") String mailExclusion,
        @Size(max = 200) @Pattern(regexp = "^(" + Validation.PATTERN_WORDS + ")?$", message = "must be words separated by | or empty") String upnExclusion,
        @Size(max = 500) String scimUrl,
        Secret scimToken,
        @Pattern(regexp = "^(true|false)?$") String usesIntune,
        @Pattern(regexp = "^(existing|new)?$", message = "must be existing or new") String sso) {

    /** "new: set up SSO first": the SCIM URL and token come later, from a human step of the run. */
    boolean newSso() {
        return "new".equals(sso);
    }

    @Override
    public String toString() {
        return "OnboardFormSubmission[draftId=" + draftId + ", clientName=" + clientName + ", scimToken=****]";
    }
}
