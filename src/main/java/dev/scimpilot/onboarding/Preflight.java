package dev.scimpilot.onboarding;

/** Checks a client tenant and NinjaOne before an onboarding is planned. Reads only; never changes anything. */
public interface Preflight {

    PreflightResult check(OnboardingParameters parameters);
}
