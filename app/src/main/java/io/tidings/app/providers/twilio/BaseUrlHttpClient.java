package io.tidings.app.providers.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.net.URI;

/**
 * The SDK's HTTP client, sending every request to the configured base URL instead of
 * {@code https://api.twilio.com}. The SDK builds its URLs from fixed domains and offers only
 * region and edge to change them, so a test or demo fake can only be reached by rewriting here.
 */
final class BaseUrlHttpClient extends HttpClient {

    private final URI baseUrl;
    private final HttpClient network = new NetworkHttpClient();

    BaseUrlHttpClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        return network.makeRequest(rebased(request));
    }

    private Request rebased(Request original) {
        URI url = URI.create(original.getUrl());
        Request rebased = new Request(original.getMethod(), baseUrl.resolve(url.getRawPath()).toString());
        if (original.getAuthStrategy() != null) {
            rebased.setAuth(original.getAuthStrategy());
        } else if (original.requiresAuthentication()) {
            rebased.setAuth(original.getUsername(), original.getPassword());
        }
        original.getQueryParams().forEach((name, values) -> values.forEach(value -> rebased.addQueryParam(name, value)));
        original.getPostParams().forEach((name, values) -> values.forEach(value -> rebased.addPostParam(name, value)));
        original.getHeaderParams().forEach((name, values) -> values.forEach(value -> rebased.addHeaderParam(name, value)));
        rebased.setContentType(original.getContentType());
        rebased.setBody(original.getBody());
        rebased.setUserAgentExtensions(original.getUserAgentExtensions());
        return rebased;
    }
}
