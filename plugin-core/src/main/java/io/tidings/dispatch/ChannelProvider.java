package io.tidings.dispatch;

import io.tidings.preference.Channel;

import java.util.Set;

/**
 * A way out to customers on some channels, e.g. {@code twilio-sms} or {@code smtp}.
 *
 * <p>Lifecycle: an implementation is an application-scoped CDI bean, created once with its own
 * configuration ({@code tidings.<vendor>.*}), used by the dispatcher from several threads, and
 * closed by the container at shutdown. It is used only when {@code tidings.providers.<channel>}
 * names its {@link #id()}.
 */
public interface ChannelProvider {

    /** The id configuration selects it by; stable, lower case, e.g. {@code twilio-sms}. */
    String id();

    /** The channels it can send on. */
    Set<Channel> channels();

    /**
     * True when the provider itself drops a second send with the same idempotency key, so a send
     * repeated after a crash reaches the customer once.
     */
    boolean detectsDuplicates();

    /** Sends one message; failures the provider reports are results, not exceptions. */
    SendResult send(OutboundMessage message);
}
