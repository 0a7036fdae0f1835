package io.tidings.zendesk.sync;

import io.tidings.ledger.ConsentLedger;
import io.tidings.preference.CustomerPreferences;
import io.tidings.zendesk.client.ZendeskSettings;
import io.tidings.zendesk.support.ZendeskSupportDesk;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hooks the Zendesk sync onto every preference change and consent record without plugin-core
 * knowing about Zendesk: binds {@link SyncsToZendesk} to {@link CustomerPreferences#change} and
 * {@link ConsentLedger#record} at start-up, whoever calls them (API, SMS keywords, drift). Also
 * removes {@link ZendeskSupportDesk} when no Zendesk account is configured, so that replies then
 * stay in Tidings.
 */
public class ZendeskSyncExtension implements Extension {

    void onPreferences(@Observes ProcessAnnotatedType<CustomerPreferences> type) {
        bind(type, "change");
    }

    void onLedger(@Observes ProcessAnnotatedType<ConsentLedger> type) {
        bind(type, "record");
    }

    void onSupportDesk(@Observes ProcessAnnotatedType<ZendeskSupportDesk> type) {
        if (ZendeskSettings.from(ConfigProvider.getConfig()).isEmpty()) {
            type.veto();
        }
    }

    private static void bind(ProcessAnnotatedType<?> type, String method) {
        type.configureAnnotatedType()
                .filterMethods(candidate -> candidate.getJavaMember().getName().equals(method))
                .forEach(candidate -> candidate.add(SyncsToZendesk.Literal.INSTANCE));
    }
}
