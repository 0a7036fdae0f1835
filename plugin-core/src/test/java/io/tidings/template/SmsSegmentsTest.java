package io.tidings.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "empty,                  '',   0,   GSM_7, 0,   0",
            "one GSM char,           a,    1,   GSM_7, 1,   1",
            "160 GSM fit one,        a,    160, GSM_7, 160, 1",
            "161 GSM need two,       a,    161, GSM_7, 161, 2",
            "306 GSM fit two,        a,    306, GSM_7, 306, 2",
            "307 GSM need three,     a,    307, GSM_7, 307, 3",
            "euro counts two,        €,    80,  GSM_7, 160, 1",
            "81 euros need two,      €,    81,  GSM_7, 162, 2",
            "umlaut is GSM,          ä,    160, GSM_7, 160, 1",
            "70 UCS-2 fit one,       ł,    70,  UCS_2, 70,  1",
            "71 UCS-2 need two,      ł,    71,  UCS_2, 71,  2",
            "134 UCS-2 fit two,      ł,    134, UCS_2, 134, 2",
            "135 UCS-2 need three,   ł,    135, UCS_2, 135, 3",
            "emoji is two units,     😀,   35,  UCS_2, 70,  1",
    })
    void countsSegments(String name, String character, int repeat, SmsEncoding encoding, int units, int segments) {
        assertThat(SmsSegments.of(character.repeat(repeat))).isEqualTo(new SmsLength(encoding, units, segments));
    }

    @Test
    void anEscapePairIsNotSplitAcrossParts() {
        // 152 septets, then a two-septet euro that does not fit the first part's last septet, then 152 more.
        SmsLength length = SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152));

        assertThat(length).isEqualTo(new SmsLength(SmsEncoding.GSM_7, 306, 3));
    }

    @Test
    void aSurrogatePairIsNotSplitAcrossParts() {
        SmsLength length = SmsSegments.of("ł".repeat(66) + "😀" + "ł".repeat(66));

        assertThat(length).isEqualTo(new SmsLength(SmsEncoding.UCS_2, 134, 3));
    }
}
