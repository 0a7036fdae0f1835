package io.tidings.webhooks.twilio;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmsKeywordTest {

    @Test
    void theOptOutWordsInAnyCaseAndSpacingAreStop() {
        for (String body : List.of("STOP", "stopall", " Unsubscribe ", "cancel\n", "End", "QUIT")) {
            assertThat(SmsKeyword.of(body)).as(body).contains(SmsKeyword.STOP);
        }
    }

    @Test
    void startUnstopAndHelpAreKeywords() {
        assertThat(SmsKeyword.of("start")).contains(SmsKeyword.START);
        assertThat(SmsKeyword.of("UNSTOP")).contains(SmsKeyword.START);
        assertThat(SmsKeyword.of(" help")).contains(SmsKeyword.HELP);
    }

    @Test
    void aKeywordInsideASentenceIsJustAReply() {
        for (String body : List.of("please stop calling me", "STOP!", "stop it", "", "helpdesk")) {
            assertThat(SmsKeyword.of(body)).as(body).isEmpty();
        }
        assertThat(SmsKeyword.of(null)).isEmpty();
    }
}
