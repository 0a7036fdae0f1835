package io.tidings.incident;

import io.tidings.api.model.IncidentInput;
import io.tidings.api.model.IncidentUpdateInput;
import io.tidings.customer.CustomerInputs;
import io.tidings.customer.Region;
import io.tidings.error.FieldViolation;
import io.tidings.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns a client's incident declaration or status update into domain values, or names every unacceptable field. */
public final class IncidentInputs {

    private static final int MAX_TITLE = 200;
    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_SCOPE_VALUES = 50;

    private IncidentInputs() {
    }

    public static NewIncident read(IncidentInput input) {
        if (input == null) {
            throw new InvalidInputException("/", "an incident object is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String title = text("/title", input.getTitle(), MAX_TITLE, violations);
        required("/kind", input.getKind(), violations);
        required("/severity", input.getSeverity(), violations);
        String message = text("/message", input.getMessage(), MAX_MESSAGE, violations);
        if (input.getStatus() == io.tidings.api.model.IncidentStatus.RESOLVED) {
            violations.add(new FieldViolation("/status", "an incident is declared unresolved; post RESOLVED as an update"));
        }
        IncidentScope scope = scope(input.getScope(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new NewIncident(title, IncidentKind.valueOf(input.getKind().name()),
                Severity.valueOf(input.getSeverity().name()), scope,
                input.getStartsAt() == null ? null : input.getStartsAt().toInstant(),
                input.getStatus() == null ? null : IncidentStatus.valueOf(input.getStatus().name()), message);
    }

    public static StatusUpdate read(IncidentUpdateInput input) {
        if (input == null) {
            throw new InvalidInputException("/", "a status update object is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        required("/status", input.getStatus(), violations);
        String message = text("/message", input.getMessage(), MAX_MESSAGE, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new StatusUpdate(IncidentStatus.valueOf(input.getStatus().name()), message);
    }

    private static IncidentScope scope(io.tidings.api.model.IncidentScope scope, List<FieldViolation> violations) {
        if (scope == null) {
            return IncidentScope.EVERYONE;
        }
        return new IncidentScope(
                scope.getServices() == null ? Set.of() : CustomerInputs.tags("/scope/services", scope.getServices(), violations),
                regions(scope.getRegions(), violations),
                scope.getSegments() == null ? Set.of() : CustomerInputs.tags("/scope/segments", scope.getSegments(), violations));
    }

    private static Set<String> regions(Set<String> raw, List<FieldViolation> violations) {
        if (raw == null) {
            return Set.of();
        }
        if (raw.size() > MAX_SCOPE_VALUES) {
            violations.add(new FieldViolation("/scope/regions", "at most " + MAX_SCOPE_VALUES + " entries"));
        }
        Set<String> regions = new TreeSet<>();
        int index = 0;
        for (String region : raw) {
            if (isRegion(region)) {
                regions.add(region);
            } else {
                violations.add(new FieldViolation("/scope/regions/" + index,
                        "an ISO 3166-1 country like DE or an ISO 3166-2 subdivision like US-CA"));
            }
            index++;
        }
        return regions;
    }

    private static boolean isRegion(String region) {
        return region != null && (Region.isCountryCode(region)
                || (Region.isSubdivisionCode(region) && Region.isCountryCode(region.substring(0, 2))));
    }

    private static String text(String field, String raw, int max, List<FieldViolation> violations) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            violations.add(new FieldViolation(field, "is required and must not be blank"));
        } else if (text.length() > max) {
            violations.add(new FieldViolation(field, "at most " + max + " characters"));
        }
        return text;
    }

    private static void required(String field, Object value, List<FieldViolation> violations) {
        if (value == null) {
            violations.add(new FieldViolation(field, "is required"));
        }
    }
}
