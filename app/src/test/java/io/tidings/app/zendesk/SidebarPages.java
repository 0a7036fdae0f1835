package io.tidings.app.zendesk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test-only: serves the Zendesk app's assets from the server under test, so the page and
 * Tidings share an origin as they do behind Zendesk's proxy. The page is served as it is, but
 * for the one script tag that loads Zendesk's SDK, which points at the fake ZAF client instead.
 */
@jakarta.ws.rs.Path("/zaf-test")
@ApplicationScoped
public class SidebarPages {

    static final Path APP = Path.of("..", "connectors-zendesk", "zendesk-app");
    static final String ZAF_SDK = "https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js";
    private static final String FAKE_SDK = "zaf_sdk_fake.js";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    @GET
    @jakarta.ws.rs.Path("/" + FAKE_SDK)
    public Response fakeSdk() throws IOException {
        try (InputStream script = SidebarPages.class.getResourceAsStream("/zaf/" + FAKE_SDK)) {
            return Response.ok(script.readAllBytes(), TYPES.get("js")).build();
        }
    }

    @GET
    @jakarta.ws.rs.Path("/{file: [a-z_]+\\.(html|js|css)}")
    public Response asset(@PathParam("file") String file) {
        Path path = APP.resolve("assets").resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException();
        }
        String content = read(path);
        if (file.endsWith(".html")) {
            if (!content.contains(ZAF_SDK)) {
                throw new IllegalStateException(file + " no longer loads " + ZAF_SDK);
            }
            content = content.replace(ZAF_SDK, FAKE_SDK);
        }
        return Response.ok(content.getBytes(StandardCharsets.UTF_8), TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
                .build();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
