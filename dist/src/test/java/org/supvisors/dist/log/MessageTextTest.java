package org.supvisors.dist.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ListResourceBundle;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void when_plainPlaceholderTakesANumber_then_itIsPrintedWithoutGrouping() {
        assertThat(MessageText.format("port {0}, {1} bytes, ratio {2}", new Object[] {60000, 1234567L, 0.5}))
                .isEqualTo("port 60000, 1234567 bytes, ratio 0.5");
    }

    @Test
    void when_placeholderHasAnExplicitFormat_then_itIsAppliedInTheRootLocale() {
        assertThat(MessageText.format("load {0,number,#.##}", new Object[] {1234.5678}))
                .isEqualTo("load 1234.57");
    }

    @Test
    void when_messageHasNoPlaceholder_then_itsApostrophesSurvive() {
        assertThat(MessageText.format("can't stop", new Object[] {"x"})).isEqualTo("can't stop");
        assertThat(MessageText.format("can''t stop {0}", new Object[] {"x"})).isEqualTo("can't stop x");
    }

    @Test
    void when_patternIsMalformed_then_patternAndParametersArePrinted() {
        assertThat(MessageText.format("broken {0", new Object[] {"x", 2})).isEqualTo("broken {0 [x, 2]");
    }

    @Test
    void when_noParameters_then_patternIsLeftAsIs() {
        assertThat(MessageText.format("{0} stays", null)).isEqualTo("{0} stays");
        assertThat(MessageText.format("{0} stays", new Object[0])).isEqualTo("{0} stays");
    }

    @Test
    void when_bundleHasTheKey_then_itsTextIsUsed() {
        ResourceBundle bundle = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"started", "démarré"}};
            }
        };

        assertThat(MessageText.localize(bundle, "started")).isEqualTo("démarré");
        assertThat(MessageText.localize(bundle, "stopped")).isEqualTo("stopped");
        assertThat(MessageText.localize(null, "started")).isEqualTo("started");
    }
}
