package io.tidings.push;

/** The kind of app install a push registration token belongs to. */
public enum DevicePlatform {
    ANDROID, IOS, WEB
}
