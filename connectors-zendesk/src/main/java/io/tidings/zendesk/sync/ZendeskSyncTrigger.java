package io.tidings.zendesk.sync;

import io.tidings.zendesk.client.ZendeskAccount;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.UUID;

/**
 * Queues a Zendesk field sync for the customer once a preference change or consent record has
 * been stored (committed: the writers run their own transaction), when a Zendesk account is configured.
 */
@SyncsToZendesk
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_AFTER)
public class ZendeskSyncTrigger {

    private final ZendeskSyncQueue queue;
    private final ZendeskAccount account;

    @Inject
    public ZendeskSyncTrigger(ZendeskSyncQueue queue, ZendeskAccount account) {
        this.queue = queue;
        this.account = account;
    }

    @AroundInvoke
    Object queueSync(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (account.client().isPresent() && invocation.getParameters().length > 0
                && invocation.getParameters()[0] instanceof UUID customerId) {
            queue.request(customerId);
        }
        return result;
    }
}
