package io.tidings.app.providers.twilio;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's published OpenAPI for API v2010, as a check on the requests a fake Twilio recorded. */
final class TwilioSpecification {

    // Twilio's own file in the team's shared vendor-specs folder (../shared beside the checkout; the
    // build passes its location as tidings.vendor-specs). 1.5 MB of YAML: parsed once per test JVM.
    // The validator reads a form value that looks like a number (an E.164 phone number) as an
    // integer, then rejects it for a string property. Form values are all text, so type checks on
    // them say nothing; required properties, patterns, enums, operations and auth stay checked.
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createFor(specification().toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.body.schema.type", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private TwilioSpecification() {
    }

    private static Path specification() {
        Path spec = Path.of(System.getProperty("tidings.vendor-specs", "../shared/vendor-specs"), "twilio_api_v2010.yaml");
        if (!Files.isReadable(spec)) {
            throw new IllegalStateException("Twilio's OpenAPI is not at " + spec.toAbsolutePath()
                    + "; set -Dtidings.vendor-specs to the folder holding twilio_api_v2010.yaml");
        }
        return spec;
    }

    /** Fails unless every request a fake Twilio received is one Twilio's specification allows. */
    static void assertAllValid(List<LoggedRequest> received) {
        for (LoggedRequest request : received) {
            assertThat(findings(validate(asValidatorRequest(request)))).as(request.getUrl()).isEmpty();
        }
    }

    static ValidationReport validate(Request request) {
        return VALIDATOR.validateRequest(request);
    }

    /** The report's messages that count (ignored checks left out). */
    static List<ValidationReport.Message> findings(ValidationReport report) {
        return report.getMessages().stream().filter(message -> message.getLevel() != ValidationReport.Level.IGNORE)
                .toList();
    }

    /** The form fields of a recorded request body. */
    static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> decode(pair[1])));
    }

    private static Request asValidatorRequest(LoggedRequest request) {
        URI url = URI.create(request.getUrl());
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod().getName(), url.getPath());
        request.getHeaders().all().forEach(header -> builder.withHeader(header.key(), header.values()));
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                builder.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return builder.withBody(request.getBodyAsString()).build();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
