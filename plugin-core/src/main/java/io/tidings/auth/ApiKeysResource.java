package io.tidings.auth;

import io.tidings.api.ApiKeysApi;
import io.tidings.api.model.ApiKeyInput;
import io.tidings.api.model.CreatedApiKey;
import io.tidings.error.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

/** {@code /api/v1/api-keys}: admins issue, list and revoke API keys. */
@ApplicationScoped
@RolesAllowed("admin")
public class ApiKeysResource implements ApiKeysApi {

    private final ApiKeys apiKeys;

    @Inject
    public ApiKeysResource(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Response createApiKey(ApiKeyInput input) {
        if (input == null) {
            throw new InvalidInputException("/", "a body with name and role is required");
        }
        String name = input.getName() == null ? "" : input.getName().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidInputException("/name", "name is required, 1 to 100 characters");
        }
        if (input.getRole() == null) {
            throw new InvalidInputException("/role", "role is required: admin, agent or integrator");
        }
        IssuedApiKey issued = apiKeys.issue(name, Role.valueOf(input.getRole().name()));
        ApiKey key = issued.key();
        CreatedApiKey body = new CreatedApiKey().key(issued.secret().value());
        body.id(key.id())
                .name(key.name())
                .role(input.getRole())
                .prefix(key.prefix())
                .createdAt(key.createdAt().atOffset(ZoneOffset.UTC));
        return Response.created(URI.create("/api/v1/api-keys/" + key.id())).entity(body).build();
    }

    @Override
    public Response listApiKeys() {
        return Response.ok(apiKeys.list().stream().map(ApiKeysResource::toApi).toList()).build();
    }

    @Override
    public Response revokeApiKey(UUID keyId) {
        apiKeys.revoke(keyId);
        return Response.noContent().build();
    }

    private static io.tidings.api.model.ApiKey toApi(ApiKey key) {
        return new io.tidings.api.model.ApiKey()
                .id(key.id())
                .name(key.name())
                .role(io.tidings.api.model.Role.valueOf(key.role().name()))
                .prefix(key.prefix())
                .createdAt(key.createdAt().atOffset(ZoneOffset.UTC))
                .revokedAt(key.revokedAt() == null ? null : key.revokedAt().atOffset(ZoneOffset.UTC));
    }
}
