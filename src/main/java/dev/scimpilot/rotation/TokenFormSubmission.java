package dev.scimpilot.rotation;

import dev.scimpilot.secrets.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What {@code token.submit} sends: the form id from the card's data plus the two inputs. The token binds into a {@link Secret}. */
record TokenFormSubmission(
        @NotBlank @Size(max = 120) String draftId,
        @NotBlank @Size(max = 500) String scimEndpoint,
        @NotNull Secret scimToken) {

    @Override
    public String toString() {
        return "TokenFormSubmission[draftId=" + draftId + ", scimToken=****]";
    }
}
