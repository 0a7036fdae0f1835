package io.tidings.auth;

/** A key just created, with the secret its holder must store now. */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {
}
