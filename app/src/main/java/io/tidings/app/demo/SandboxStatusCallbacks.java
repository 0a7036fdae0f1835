package io.tidings.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Makes the Twilio sandbox behave like Twilio after it created a message: when the request named a
 * {@code StatusCallback}, it posts the {@code sent} and then the {@code delivered} callback there,
 * signed with the demo's auth token as Twilio signs ({@code X-Twilio-Signature}).
 */
final class SandboxStatusCallbacks implements ServeEventListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STATUSES = List.of("sent", "delivered");

    private final String authToken;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxStatusCallbacks(String authToken) {
        this.authToken = authToken;
    }

    @Override
    public String getName() {
        return "tidings-status-callbacks";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        if (event.getResponse().getStatus() != 201 || !event.getRequest().getUrl().endsWith("/Messages.json")) {
            return;
        }
        Map<String, String> form = form(event.getRequest().getBodyAsString());
        String callback = form.get("StatusCallback");
        if (callback == null) {
            return;
        }
        try {
            JsonNode created = JSON.readTree(event.getResponse().getBodyAsString());
            for (int i = 0; i < STATUSES.size(); i++) {
                Map<String, String> status = callback(created, form, STATUSES.get(i));
                CompletableFuture.delayedExecutor(i + 1L, TimeUnit.SECONDS).execute(() -> post(callback, status));
            }
        } catch (IOException e) {
            System.err.println("Twilio sandbox: the created message was not JSON; no status callback");
        }
    }

    private static Map<String, String> callback(JsonNode created, Map<String, String> request, String status) {
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("AccountSid", created.path("account_sid").asText());
        callback.put("ApiVersion", "2010-04-01");
        callback.put("From", request.getOrDefault("From", ""));
        callback.put("MessageSid", created.path("sid").asText());
        callback.put("MessageStatus", status);
        callback.put("SmsSid", created.path("sid").asText());
        callback.put("SmsStatus", status);
        callback.put("To", request.getOrDefault("To", ""));
        return callback;
    }

    private void post(String url, Map<String, String> parameters) {
        String body = parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(url, parameters))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private String signature(String url, Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides HmacSHA1", e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
