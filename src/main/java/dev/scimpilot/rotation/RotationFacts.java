package dev.scimpilot.rotation;

/** Names of the run facts the rotation steps record: what this run already did, so a retry does not do it again. */
final class RotationFacts {

    /** The vault version whose token this run wrote to the job (secrets cannot be read back from Graph). */
    static final String SECRETS_SAVED = "rotationSecretsSaved";
    static final String CREDENTIALS_TESTED = "rotationCredentialsTested";
    /** Set once the job was restarted or started: never twice, never in a loop. */
    static final String JOB_STARTED = "rotationJobStarted";
    static final String CANARY_USER_ID = "canaryUserId";
    static final String CANARY_ADDRESS = "canaryAddress";
    static final String CANARY_CONFIRMED = "rotationCanaryConfirmed";

    private RotationFacts() {}
}
