package dev.scimpilot.onboarding.steps;

import dev.scimpilot.ninjaone.NinjaEndUser;
import dev.scimpilot.ninjaone.NinjaOne;
import java.util.List;
import java.util.Locale;

/** Runbook step 8's check in NinjaOne: the user is there, under the right organization, as an end user. */
final class NinjaCheck {

    private final NinjaOne ninja;

    NinjaCheck(NinjaOne ninja) {
        this.ninja = ninja;
    }

    boolean isEndUserOf(String email, long organizationId) {
        return contains(ninja.endUsers(organizationId), email);
    }

    /** Fails with the runbook's cause: a global end user means the organizationId did not match (companyName). */
    void requireEndUserOf(String email, long organizationId, String emailDomain) {
        // NinjaOne answers SCIM synchronously, but give its API a moment before calling the user missing
        for (int attempt = 0; attempt < 3; attempt++) {
            if (isEndUserOf(email, organizationId)) {
                return;
            }
            if (contains(ninja.globalEndUsers(), email)) {
                throw new IllegalStateException(email + " landed in NinjaOne as a global end user, not in organization "
                        + organizationId + " - companyName mismatch: the user's companyName is not a Switch key. Fix "
                        + "companyName in Entra (or add it as an extra company name) and retry.");
            }
            sleep(1000L << attempt);
        }
        throw new IllegalStateException(email + " was provisioned but is not an end user of NinjaOne organization "
                + organizationId + ". Check the NinjaOne SCIM settings of " + emailDomain + " and the app's provisioning logs.");
    }

    static boolean contains(List<NinjaEndUser> users, String email) {
        String e = email.toLowerCase(Locale.ROOT);
        return users.stream().anyMatch(u -> u.email() != null && u.email().toLowerCase(Locale.ROOT).equals(e));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
