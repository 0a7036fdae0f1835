package io.tidings.webhooks.outbound;

import io.tidings.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Which URLs Tidings may send webhooks to: http or https, no credentials, and (unless
 * {@code tidings.webhooks.allow-private-addresses} is true, as in tests and the demo) a host
 * whose every address is public, so an integrator cannot point Tidings at its own network
 * (server-side request forgery).
 */
@ApplicationScoped
public class EndpointAddressPolicy {

    public static final int MAX_URL = 2048;

    private final boolean allowPrivate;

    @Inject
    public EndpointAddressPolicy(@ConfigProperty(name = "tidings.webhooks.allow-private-addresses",
            defaultValue = "false") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL, if Tidings may send to it. */
    public URI check(String field, String url) {
        URI uri = parse(field, url);
        if (!permits(uri)) {
            throw new InvalidInputException(field, "the host does not resolve, or is or resolves to a loopback, "
                    + "link-local, private or reserved address, which webhooks may not target");
        }
        return uri;
    }

    /**
     * True when Tidings may send to the URL's host now. Checked again before every delivery, as a
     * name may resolve elsewhere than when the endpoint was subscribed.
     */
    public boolean permits(URI uri) {
        if (allowPrivate) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static URI parse(String field, String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new InvalidInputException(field, "a URL of 1 to " + MAX_URL + " characters is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException(field, "the URL must be http or https");
        }
        if (uri.getHost() == null) {
            throw new InvalidInputException(field, "the URL must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(field, "the URL must not carry credentials");
        }
        return uri;
    }

    /** True for addresses on the public internet: not loopback, link-local, private, shared, multicast or reserved. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (address instanceof Inet4Address) {
            return first != 0                                   // "this network"
                    && !(first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))        // 198.18.0.0/15 benchmarking
                    && first < 240;                             // 240.0.0.0/4 reserved and broadcast
        }
        return (first & 0xfe) != 0xfc;                          // fc00::/7 unique local
    }
}
