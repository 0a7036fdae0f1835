package io.tidings.dispatch;

import io.tidings.preference.Channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Answers from its script (null = throw), then accepts; remembers what it was given. */
final class ScriptedProvider implements ChannelProvider {

    final List<SendResult> script = new ArrayList<>();
    final List<OutboundMessage> received = new ArrayList<>();
    private final String id;
    private final Set<Channel> channels;
    private final boolean detectsDuplicates;

    ScriptedProvider(String id, Set<Channel> channels, boolean detectsDuplicates) {
        this.id = id;
        this.channels = channels;
        this.detectsDuplicates = detectsDuplicates;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Channel> channels() {
        return channels;
    }

    @Override
    public boolean detectsDuplicates() {
        return detectsDuplicates;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        received.add(message);
        if (script.isEmpty()) {
            return new SendResult.Accepted("scripted-" + received.size());
        }
        SendResult next = script.removeFirst();
        if (next == null) {
            throw new IllegalStateException("provider down");
        }
        return next;
    }
}
