package io.tidings.app.demo;

import java.util.List;

/** What the demo prints once it is up: where everything is and what to try next. */
final class DemoBanner {

    private DemoBanner() {
    }

    static String text(String baseUrl, String adminKey, List<Sandbox> sandboxes, String explainLines) {
        StringBuilder text = new StringBuilder();
        text.append("""

                ──────────────────────────────────────────────────────────────────────────────
                 Tidings demo is running at %1$s  (Ctrl+C stops it)
                 Data: embedded H2 under ./data (delete the folder to start afresh)
                 Admin API key: %2$s
                 Sandboxes:
                """.formatted(baseUrl, adminKey));
        for (Sandbox sandbox : sandboxes) {
            text.append("   %-11s %s%n".formatted(sandbox.vendor(), sandbox.baseUrl()));
        }
        text.append("""

                 Try:
                   curl -s -H 'Authorization: Bearer %2$s' %1$s/api/v1/customers
                   curl -s -H 'Authorization: Bearer %2$s' '%1$s/api/v1/customers?zendeskUserId=1002'
                   curl -s -H 'Authorization: Bearer %2$s' -H 'Content-Type: application/json' \\
                        -d '{"email":"kim@example.com","phone":"+447400123456","timeZone":"Europe/London"}' \\
                        %1$s/api/v1/customers
                   curl -s -H 'Authorization: Bearer %2$s' -H 'Content-Type: application/json' \\
                        -d '{"name":"my integration","role":"integrator"}' %1$s/api/v1/api-keys
                   curl -s -H 'Content-Type: application/json' -d '{"phone":"12"}' \\
                        -H 'Authorization: Bearer %2$s' %1$s/api/v1/customers     (a problem+json answer)
                   curl -s %1$s/health/ready    curl -s %1$s/metrics    curl -s %1$s/openapi
                   curl -s %3$s/api/v2/users/1002.json     (the sandbox Zendesk's view of a customer)
                %4$s──────────────────────────────────────────────────────────────────────────────
                """.formatted(baseUrl, adminKey, sandboxes.getFirst().baseUrl(), explainLines));
        return text.toString();
    }
}
