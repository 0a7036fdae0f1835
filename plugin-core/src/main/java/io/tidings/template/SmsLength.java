package io.tidings.template;

/**
 * How long a text is as SMS.
 *
 * @param encoding the alphabet it must be sent in
 * @param units    its length in that alphabet: septets for GSM-7 (extension characters count two),
 *                 UTF-16 code units for UCS-2
 * @param segments how many SMS it takes
 */
public record SmsLength(SmsEncoding encoding, int units, int segments) {
}
