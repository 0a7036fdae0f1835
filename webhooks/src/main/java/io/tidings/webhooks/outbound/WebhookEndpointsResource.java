package io.tidings.webhooks.outbound;

import io.tidings.api.WebhookEndpointsApi;
import io.tidings.api.model.CreatedWebhookEndpoint;
import io.tidings.api.model.WebhookDeadLetter;
import io.tidings.api.model.WebhookEndpointInput;
import io.tidings.api.model.WebhookEndpointUpdate;
import io.tidings.api.model.WebhookReplayRange;
import io.tidings.api.model.WebhookReplayResult;
import io.tidings.error.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code /api/v1/webhook-endpoints}: integrators and admins manage outbound webhook subscriptions. */
@ApplicationScoped
@RolesAllowed({"admin", "integrator"})
public class WebhookEndpointsResource implements WebhookEndpointsApi {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    @Inject
    public WebhookEndpointsResource(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @Override
    public Response createWebhookEndpoint(WebhookEndpointInput input) {
        if (input == null) {
            throw new InvalidInputException("/", "a body with url and eventTypes is required");
        }
        CreatedEndpoint created = endpoints.create(input.getUrl(), input.getDescription(), types(input.getEventTypes()));
        CreatedWebhookEndpoint body = new CreatedWebhookEndpoint().secret(created.secret().value());
        fill(body, created.endpoint());
        return Response.created(URI.create("/api/v1/webhook-endpoints/" + created.endpoint().id())).entity(body).build();
    }

    @Override
    public Response listWebhookEndpoints() {
        return Response.ok(endpoints.list().stream().map(WebhookEndpointsResource::toApi).toList()).build();
    }

    @Override
    public Response getWebhookEndpoint(UUID endpointId) {
        return Response.ok(toApi(endpoints.get(endpointId))).build();
    }

    @Override
    public Response updateWebhookEndpoint(UUID endpointId, WebhookEndpointUpdate update) {
        if (update == null) {
            throw new InvalidInputException("/", "a body with the fields to change is required");
        }
        WebhookEndpoint changed = endpoints.change(endpointId, new EndpointChange(update.getUrl(), update.getDescription(),
                update.getEventTypes() == null ? null : types(update.getEventTypes()), update.getEnabled()));
        return Response.ok(toApi(changed)).build();
    }

    @Override
    public Response deleteWebhookEndpoint(UUID endpointId) {
        endpoints.delete(endpointId);
        return Response.noContent().build();
    }

    @Override
    public Response listWebhookDeadLetters(UUID endpointId) {
        return Response.ok(deliveries.deadLetters(endpointId).stream()
                .map(dead -> new WebhookDeadLetter()
                        .messageId(dead.messageId())
                        .eventType(io.tidings.api.model.WebhookEventType.fromValue(dead.eventType()))
                        .createdAt(dead.createdAt().atOffset(ZoneOffset.UTC))
                        .attempts(dead.attempts())
                        .lastError(dead.lastError()))
                .toList()).build();
    }

    @Override
    public Response replayWebhookMessage(UUID endpointId, String messageId) {
        deliveries.replay(endpointId, messageId);
        return Response.accepted().build();
    }

    @Override
    public Response replayWebhookMessages(UUID endpointId, WebhookReplayRange range) {
        if (range == null) {
            throw new InvalidInputException("/", "a body with since and until is required");
        }
        int replayed = deliveries.replay(endpointId, range.getSince() == null ? null : range.getSince().toInstant(),
                range.getUntil() == null ? null : range.getUntil().toInstant());
        return Response.ok(new WebhookReplayResult().replayed(replayed)).build();
    }

    private static Set<WebhookEventType> types(Set<io.tidings.api.model.WebhookEventType> types) {
        if (types == null || types.isEmpty()) {
            return EnumSet.noneOf(WebhookEventType.class);
        }
        return types.stream().map(type -> type == null ? null : WebhookEventType.fromWireName(type.toString()))
                .collect(Collectors.toSet());
    }

    private static io.tidings.api.model.WebhookEndpoint toApi(WebhookEndpoint endpoint) {
        return fill(new io.tidings.api.model.WebhookEndpoint(), endpoint);
    }

    private static <T extends io.tidings.api.model.WebhookEndpoint> T fill(T api, WebhookEndpoint endpoint) {
        api.id(endpoint.id())
                .url(endpoint.url().toString())
                .description(endpoint.description())
                .eventTypes(endpoint.eventTypes().stream()
                        .map(type -> io.tidings.api.model.WebhookEventType.fromValue(type.wireName()))
                        .toList())
                .enabled(endpoint.enabled())
                .disabledReason(endpoint.disabledReason())
                .createdAt(endpoint.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(endpoint.updatedAt().atOffset(ZoneOffset.UTC));
        return api;
    }
}
