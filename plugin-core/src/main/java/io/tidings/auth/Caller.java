package io.tidings.auth;

import java.security.Principal;

/** Who is calling the API: the key they presented. Named by the key's name and id, never its secret. */
public record Caller(ApiKey key) implements Principal {

    @Override
    public String getName() {
        return key.name() + "#" + key.id();
    }
}
