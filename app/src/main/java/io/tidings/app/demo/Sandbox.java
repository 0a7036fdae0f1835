package io.tidings.app.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for one vendor API: WireMock answering with the vendor's documented shapes,
 * from the stub mappings under {@code sandbox/<vendor>/mappings} on the classpath, and with the
 * extensions that give it memory where the demo needs one.
 */
public final class Sandbox implements AutoCloseable {

    private final String vendor;
    private final WireMockServer server;

    private Sandbox(String vendor, WireMockServer server) {
        this.vendor = vendor;
        this.server = server;
    }

    public static Sandbox start(String vendor, Extension... extensions) {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderClasspath("sandbox/" + vendor)
                .disableRequestJournal()
                .containerThreads(8)
                .extensions(extensions));
        server.start();
        return new Sandbox(vendor, server);
    }

    public String vendor() {
        return vendor;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.stop();
    }
}
