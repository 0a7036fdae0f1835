package io.tidings.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.tidings.decision.EventKind;
import io.tidings.preference.Channel;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Mustache templates per event kind × channel × locale, read from the class path under
 * {@code templates/<kind>/<channel>/<locale>/}: {@code body.mustache} (plain text, required),
 * {@code subject.mustache} and {@code html.mustache} (optional). A locale without a template
 * falls back to its language, then to the default locale: {@code de-AT} → {@code de} → {@code en}.
 */
public final class MessageTemplates {

    private static final String ROOT = "templates/";

    private final Locale defaultLocale;
    private final MustacheFactory textFactory = new PlainTextMustacheFactory(ROOT);
    private final MustacheFactory htmlFactory = new DefaultMustacheFactory(ROOT);

    public MessageTemplates(Locale defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    /** Renders the kind's template for the channel in the best locale available. */
    public RenderedMessage render(EventKind kind, Channel channel, Locale locale, Map<String, String> values) {
        return render(kind.name().toLowerCase(Locale.ROOT) + "/" + channel.name().toLowerCase(Locale.ROOT), locale,
                values);
    }

    /** Renders the template in folder {@code name} (below {@code templates/}) in the best locale available. */
    public RenderedMessage render(String name, Locale locale, Map<String, String> values) {
        for (String tag : fallbackChain(locale)) {
            String folder = name + "/" + tag + "/";
            if (exists(folder + "body.mustache")) {
                return new RenderedMessage(optional(textFactory, folder + "subject.mustache", values).orElse(null),
                        fill(textFactory, folder + "body.mustache", values),
                        optional(htmlFactory, folder + "html.mustache", values).orElse(null));
            }
        }
        throw new TemplateNotFoundException("no template " + name + " for " + locale.toLanguageTag()
                + " or its fallbacks");
    }

    /** The locale tags to try, most specific first, ending with the default locale's. */
    List<String> fallbackChain(Locale locale) {
        List<String> chain = new ArrayList<>();
        for (Locale candidate : List.of(locale, defaultLocale)) {
            add(chain, candidate.toLanguageTag());
            add(chain, candidate.getLanguage());
        }
        return chain;
    }

    private static void add(List<String> chain, String tag) {
        if (!tag.isEmpty() && !tag.equals("und") && !chain.contains(tag)) {
            chain.add(tag);
        }
    }

    private static Optional<String> optional(MustacheFactory factory, String path, Map<String, String> values) {
        return exists(path) ? Optional.of(fill(factory, path, values)) : Optional.empty();
    }

    private static boolean exists(String path) {
        return MessageTemplates.class.getClassLoader().getResource(ROOT + path) != null;
    }

    private static String fill(MustacheFactory factory, String path, Map<String, String> values) {
        Mustache mustache = factory.compile(path);
        StringWriter out = new StringWriter();
        mustache.execute(out, values);
        return out.toString().strip();
    }

    /** Mustache escapes for HTML by default; plain-text bodies must keep {@code &} and {@code <} as written. */
    private static final class PlainTextMustacheFactory extends DefaultMustacheFactory {

        PlainTextMustacheFactory(String root) {
            super(root);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
