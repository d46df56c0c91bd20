package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void words_are_split_as_python_shlex_split_does() {
        assertThat(ShellWords.split("-v  --name 'a b' \"c \\\"d\\\" e\" f\\ g ''")).containsExactly("-v", "--name",
                "a b", "c \"d\" e", "f g", "");
        assertThat(ShellWords.split("  ")).isEmpty();
        assertThat(ShellWords.split("a'b'\"c\"")).containsExactly("abc");
        assertThat(ShellWords.split("$HOME `x` $(y)")).containsExactly("$HOME", "`x`", "$(y)");
    }

    @Test
    void an_unclosed_quote_is_refused() {
        assertThatThrownBy(() -> ShellWords.split("'a")).hasMessageContaining("No closing quotation");
        assertThatThrownBy(() -> ShellWords.split("\"a")).hasMessageContaining("No closing quotation");
        assertThatThrownBy(() -> ShellWords.split("a\\")).hasMessageContaining("No escaped character");
    }
}
