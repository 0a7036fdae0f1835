package io.tidings.zendesk.sync;

import io.tidings.zendesk.client.ZendeskSettings;
import io.tidings.zendesk.support.ZendeskSupportDesk;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Removes {@link ZendeskSupportDesk} when no Zendesk account is configured, so that customers'
 * replies then stay in Tidings.
 */
public class ZendeskSyncExtension implements Extension {

    void onSupportDesk(@Observes ProcessAnnotatedType<ZendeskSupportDesk> type) {
        if (ZendeskSettings.from(ConfigProvider.getConfig()).isEmpty()) {
            type.veto();
        }
    }
}
