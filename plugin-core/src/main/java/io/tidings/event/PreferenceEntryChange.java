package io.tidings.event;

/**
 * One preference setting that changed, its values as the preferences API writes them; null where
 * the setting was or became unset (the category default applies).
 *
 * @param setting  {@code choice}, {@code quietHours}, {@code frequencyCap}, {@code collapseWindow} or {@code language}
 * @param category the category it belongs to, or null for per-channel and global settings
 * @param channel  the channel it belongs to, or null for per-category and global settings
 */
public record PreferenceEntryChange(String setting, String category, String channel, String before, String after) {
}
