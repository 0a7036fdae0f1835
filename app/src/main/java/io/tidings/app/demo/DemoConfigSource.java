package io.tidings.app.demo;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The demo's settings (sandbox URLs, the demo admin key). Ranked above the built-in defaults and
 * below environment variables and system properties, so a user's own settings still win.
 */
record DemoConfigSource(Map<String, String> properties) implements ConfigSource {

    private static final int ORDINAL = 250;

    DemoConfigSource {
        properties = Map.copyOf(properties);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "tidings-demo";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
