package dev.scimpilot.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What {@code register.submit} sends: the form id plus the inputs (Teams sends every input as a string). */
record RegisterFormSubmission(
        @NotBlank @Size(max = 60) String draftId,
        @NotBlank @Size(max = 100) String clientName,
        @NotBlank @Size(max = 253) @Pattern(regexp = "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$",
                message = "must be a domain like contoso.com") String emailDomain,
        @NotBlank @Pattern(regexp = "^[0-9]{1,10}$", message = "must be a NinjaOne organization id") String ninjaOrgId,
        @Pattern(regexp = "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$", message = "must be a date (yyyy-mm-dd) or empty") String tokenIssuedOn) {}
