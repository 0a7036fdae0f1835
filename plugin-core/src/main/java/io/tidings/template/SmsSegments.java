package io.tidings.template;

/** Counts the SMS segments a text takes (3GPP TS 23.038 GSM 7-bit default alphabet, else UCS-2). */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public static SmsLength of(String text) {
        SmsEncoding encoding = text.codePoints().allMatch(SmsSegments::isGsm) ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
        int[] widths = text.codePoints().map(c -> width(encoding, c)).toArray();
        int units = 0;
        for (int width : widths) {
            units += width;
        }
        if (units <= encoding.single()) {
            return new SmsLength(encoding, units, units == 0 ? 0 : 1);
        }
        // Parts are filled character by character: an escape pair or surrogate pair is never split, so a part may stay one unit short.
        int segments = 1;
        int used = 0;
        for (int width : widths) {
            if (used + width > encoding.perPart()) {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new SmsLength(encoding, units, segments);
    }

    private static boolean isGsm(int codePoint) {
        return GSM_BASIC.indexOf(codePoint) >= 0 || GSM_EXTENSION.indexOf(codePoint) >= 0;
    }

    private static int width(SmsEncoding encoding, int codePoint) {
        if (encoding == SmsEncoding.UCS_2) {
            return Character.charCount(codePoint);
        }
        return GSM_EXTENSION.indexOf(codePoint) >= 0 ? 2 : 1;
    }
}
