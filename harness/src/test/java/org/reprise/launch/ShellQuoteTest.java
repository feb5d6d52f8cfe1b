package org.reprise.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {
    @ParameterizedTest
    @ValueSource(strings = {"plain", "with space", "it's", "say \"hi\"", "$HOME `date` $(id) \\n", "#hash; & | < > *", ""})
    void bashReadsTheQuotedWordBackExactly(String text) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "printf %s " + ShellQuote.bash(text)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo(text);
    }

    @Test
    void sbatchDirectivesEscapeQuotesBackslashesAndHashes() {
        assertThat(ShellQuote.directive("/lab #2/ada's \"x\"\\y")).isEqualTo("\"/lab \\#2/ada's \\\"x\\\"\\\\y\"");
    }

    @Test
    void aPercentInAFolderIsNotAReplacementSymbol() {
        assertThat(ShellQuote.filenamePattern("/data 100%")).isEqualTo("/data 100%%");
    }
}
