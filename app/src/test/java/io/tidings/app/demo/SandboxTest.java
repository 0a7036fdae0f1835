package io.tidings.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import io.tidings.zendesk.client.JobStatus;
import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.client.ZendeskCredentials;
import io.tidings.zendesk.client.ZendeskHttp;
import io.tidings.zendesk.client.ZendeskSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's sandboxes answer in the vendors' documented shapes. */
class SandboxTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void zendeskShowsTheDemoUsers() throws Exception {
        try (Sandbox zendesk = Sandbox.start("zendesk")) {
            HttpResponse<String> user = get(zendesk.baseUrl() + "/api/v2/users/1002.json");
            HttpResponse<String> missing = get(zendesk.baseUrl() + "/api/v2/users/999.json");

            assertThat(user.statusCode()).isEqualTo(200);
            assertThat(user.body()).contains("\"user\"").contains("\"id\":1002").contains("\"iana_time_zone\":\"Europe/Berlin\"");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("RecordNotFound");
        }
    }

    @Test
    void zendeskAnswersTheJobsOfSeveralUpdatesInOneRead() {
        try (Sandbox zendesk = Sandbox.start("zendesk", new ZendeskSandboxState())) {
            ZendeskClient client = new ZendeskClient(ZendeskHttp.of(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                    new ZendeskCredentials.ApiToken("tidings@example.com", "token"), 1000)));
            JobStatus first = client.updateManyUsers(Map.of(1001L, Map.of("tidings_sms_opt_in", true)));
            JobStatus second = client.updateManyUsers(Map.of(1002L, Map.of("tidings_sms_opt_in", false)));

            List<JobStatus> jobs = client.jobStatuses(List.of(first.id(), second.id()));

            assertThat(jobs).extracting(JobStatus::id).containsExactly(first.id(), second.id());
            assertThat(jobs).allMatch(JobStatus::completed);
            assertThat(jobs.get(1).results()).extracting(JobStatus.Result::id).containsExactly(1002L);
        }
    }

    @Test
    void salesforceIssuesATokenForItsOwnInstance() throws Exception {
        try (Sandbox salesforce = Sandbox.start("salesforce")) {
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=a&client_secret=b"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> contact = get(salesforce.baseUrl() + "/services/data/v62.0/sobjects/Contact/003000000000002AAA");

            assertThat(token.body()).contains("\"access_token\"").contains("\"instance_url\":\"" + salesforce.baseUrl() + "\"");
            assertThat(contact.body()).contains("\"Email\":\"jonas@example.com\"");
        }
    }

    @Test
    void twilioQueuesAMessageWhateverItsBody() throws Exception {
        try (Sandbox twilio = Sandbox.start("twilio")) {
            String account = "AC" + "0".repeat(32);
            HttpResponse<String> message = HTTP.send(HttpRequest.newBuilder(
                            URI.create(twilio.baseUrl() + "/2010-04-01/Accounts/" + account + "/Messages.json"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("To=%2B4915123456789&From=%2B12015550100&Body=Hello%0Athere+%22quoted%22"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(message.statusCode()).isEqualTo(201);
            assertThat(new ObjectMapper().readTree(message.body()).path("to").asText())
                    .as("valid JSON whatever the message body holds").isEqualTo("+4915123456789");
            assertThat(message.body())
                    .contains("\"account_sid\":\"" + account + "\"")
                    .contains("\"to\":\"+4915123456789\"")
                    .contains("\"status\":\"queued\"")
                    .containsPattern("\"sid\":\"SM[0-9a-f]{32}\"");
        }
    }

    @Test
    void twilioPostsSignedStatusCallbacksWhereTheMessageAsked() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer tidings = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String callbackUrl = "http://127.0.0.1:" + tidings.getAddress().getPort() + "/webhooks/twilio/status?send=k%3Asms";
        RequestValidator validator = new RequestValidator("sandbox-token");
        tidings.createContext("/webhooks/twilio/status", exchange -> {
            Map<String, String> form = new TreeMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
            if (validator.validate(callbackUrl, form, exchange.getRequestHeaders().getFirst("X-Twilio-Signature"))) {
                received.add(form);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        tidings.start();
        try (Sandbox twilio = Sandbox.start("twilio", new SandboxStatusCallbacks("sandbox-token"))) {
            String account = "AC" + "0".repeat(32);
            HTTP.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl() + "/2010-04-01/Accounts/" + account + "/Messages.json"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("To=%2B4915123456789&From=%2B12015550100&Body=Hi&StatusCallback="
                            + URLEncoder.encode(callbackUrl, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            for (int i = 0; i < 100 && received.size() < 2; i++) {
                Thread.sleep(100);
            }

            assertThat(received).extracting(form -> form.get("MessageStatus")).containsExactlyInAnyOrder("sent", "delivered");
            assertThat(received).allSatisfy(form -> assertThat(form.get("MessageSid")).matches("SM[0-9a-f]{32}")
                    .isEqualTo(received.getFirst().get("MessageSid")));
        } finally {
            tidings.stop(0);
        }
    }

    @Test
    void firebaseIssuesAnAccessTokenAndSendsWithIt() throws Exception {
        try (Sandbox firebase = Sandbox.start("firebase")) {
            HttpResponse<String> token = post(firebase.baseUrl() + "/token", "application/x-www-form-urlencoded", null,
                    "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=a.b.c");
            String accessToken = new ObjectMapper().readTree(token.body()).path("access_token").asText();
            String send = firebase.baseUrl() + "/v1/projects/tidings-demo/messages:send";
            HttpResponse<String> sent = post(send, "application/json", accessToken,
                    "{\"message\":{\"token\":\"device-1\",\"notification\":{\"body\":\"hi\"}}}");
            HttpResponse<String> uninstalled = post(send, "application/json", accessToken,
                    "{\"message\":{\"token\":\"unregistered-app\",\"notification\":{\"body\":\"hi\"}}}");
            HttpResponse<String> anonymous = post(send, "application/json", null, "{\"message\":{\"token\":\"x\"}}");

            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(accessToken).startsWith("ya29.");
            assertThat(new ObjectMapper().readTree(sent.body()).path("name").asText())
                    .startsWith("projects/tidings-demo/messages/0:");
            assertThat(uninstalled.statusCode()).isEqualTo(404);
            assertThat(uninstalled.body()).contains("\"errorCode\":\"UNREGISTERED\"");
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> post(String url, String type, String bearer, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
