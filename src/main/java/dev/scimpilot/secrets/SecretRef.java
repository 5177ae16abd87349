package dev.scimpilot.secrets;

/** Where a secret lives in the vault (name and version): this is what the database stores instead of the secret. */
public record SecretRef(String name, String version) {}
