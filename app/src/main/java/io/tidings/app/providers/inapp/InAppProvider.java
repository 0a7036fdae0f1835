package io.tidings.app.providers.inapp;

import io.tidings.dispatch.ChannelProvider;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.inapp.InAppDelivery;
import io.tidings.inapp.NewInAppMessage;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/**
 * In-app messages (provider id {@code in-app}): stored for the customer, who reads them through the
 * API or its event stream. A send stored before under the same idempotency key is not stored again.
 */
@ApplicationScoped
public class InAppProvider implements ChannelProvider {

    private final InAppDelivery delivery;

    @Inject
    InAppProvider(InAppDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public String id() {
        return "in-app";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.IN_APP);
    }

    @Override
    public boolean detectsDuplicates() {
        return true;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return delivery.deliver(new NewInAppMessage(UUID.fromString(message.recipient()), message.idempotencyKey(),
                        message.category(), message.subject(), message.text()))
                .<SendResult>map(stored -> new SendResult.Accepted(stored.id().toString()))
                .orElseGet(() -> new SendResult.PermanentFailure("the customer no longer exists"));
    }
}
