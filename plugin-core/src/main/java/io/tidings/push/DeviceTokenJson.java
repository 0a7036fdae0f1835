package io.tidings.push;

import io.tidings.api.model.DeviceTokenInput;
import io.tidings.error.FieldViolation;
import io.tidings.error.InvalidInputException;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Device tokens as the REST API reads and shows them. */
public final class DeviceTokenJson {

    static final int MAX_TOKEN_LENGTH = 4096;

    private DeviceTokenJson() {
    }

    /** A registration request's token and platform; refuses a missing or oversized token or platform. */
    record Input(String token, DevicePlatform platform) {
    }

    static Input read(DeviceTokenInput input) {
        if (input == null) {
            throw new InvalidInputException("/", "a device token object is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String token = input.getToken() == null ? "" : input.getToken().strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            violations.add(new FieldViolation("/token", "1 to " + MAX_TOKEN_LENGTH + " characters"));
        }
        if (input.getPlatform() == null) {
            violations.add(new FieldViolation("/platform", "one of ANDROID, IOS, WEB"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Input(token, DevicePlatform.valueOf(input.getPlatform().name()));
    }

    public static io.tidings.api.model.DeviceToken toApi(DeviceToken token) {
        return new io.tidings.api.model.DeviceToken()
                .id(token.id())
                .token(token.token())
                .platform(io.tidings.api.model.DevicePlatform.valueOf(token.platform().name()))
                .registeredAt(token.registeredAt().atOffset(ZoneOffset.UTC));
    }
}
