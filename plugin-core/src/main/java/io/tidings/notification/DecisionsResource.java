package io.tidings.notification;

import io.tidings.api.DecisionsApi;
import io.tidings.api.model.ExplainRequest;
import io.tidings.decision.DecisionInput;
import io.tidings.decision.EventKind;
import io.tidings.error.FieldViolation;
import io.tidings.error.InvalidInputException;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code POST /api/v1/decisions/explain}: what would happen to a message and why, for every role. */
@ApplicationScoped
public class DecisionsResource implements DecisionsApi {

    private static final int MAX_COLLAPSE_KEY = 200;

    private final CustomerDecisions decisions;
    private final Clock clock;

    @Inject
    public DecisionsResource(CustomerDecisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response explainDecision(ExplainRequest request) {
        return Response.ok(NotificationJson.toApi(decisions.explain(read(request)))).build();
    }

    private MessageRequest read(ExplainRequest request) {
        if (request == null) {
            throw new InvalidInputException("/", "an explain request is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        required(violations, "/customerId", request.getCustomerId());
        required(violations, "/eventKind", request.getEventKind());
        required(violations, "/category", request.getCategory());
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (request.getChannels() == null || request.getChannels().isEmpty()) {
            channels.addAll(DecisionInput.allChannels());
        } else {
            for (int index = 0; index < request.getChannels().size(); index++) {
                io.tidings.api.model.Channel channel = request.getChannels().get(index);
                if (required(violations, "/channels/" + index, channel) != null) {
                    channels.add(Channel.valueOf(channel.name()));
                }
            }
        }
        String collapseKey = request.getCollapseKey() == null ? "" : request.getCollapseKey().strip();
        if (collapseKey.length() > MAX_COLLAPSE_KEY) {
            violations.add(new FieldViolation("/collapseKey", "at most " + MAX_COLLAPSE_KEY + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new MessageRequest(request.getCustomerId(), EventKind.valueOf(request.getEventKind().name()),
                Category.valueOf(request.getCategory().name()), channels, collapseKey,
                request.getAt() == null ? clock.instant() : request.getAt().toInstant());
    }

    private static <T> T required(List<FieldViolation> violations, String field, T value) {
        if (value == null) {
            violations.add(new FieldViolation(field, "is required"));
        }
        return value;
    }
}
