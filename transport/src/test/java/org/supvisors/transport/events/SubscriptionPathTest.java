package org.supvisors.transport.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubscriptionPathTest {

    @Test
    void all_subscribes_to_every_topic() {
        SubscriptionPath path = SubscriptionPath.parse("/all");
        for (Topic topic : Topic.values()) {
            assertThat(path.includes(topic)).as(topic.wireName()).isTrue();
        }
        assertThat(path.describe()).isEqualTo("all");
    }

    @Test
    void segments_name_topics_and_empty_segments_are_ignored() {
        SubscriptionPath path = SubscriptionPath.parse("//supvisors//process/");
        assertThat(path.includes(Topic.SUPVISORS)).isTrue();
        assertThat(path.includes(Topic.PROCESS)).isTrue();
        assertThat(path.includes(Topic.EVENT)).isFalse();
        assertThat(path.describe()).isEqualTo("supvisors,process");
    }

    @Test
    void the_root_subscribes_to_nothing_as_in_0_19() {
        assertThat(SubscriptionPath.parse("/").topics()).isZero();
        assertThat(SubscriptionPath.parse("/").describe()).isEqualTo("nothing");
    }

    @Test
    void unknown_segments_beside_a_topic_are_ignored_as_in_0_19() {
        SubscriptionPath path = SubscriptionPath.parse("/event/foo");
        assertThat(path.describe()).isEqualTo("event");
        assertThat(path.ignored()).containsExactly("foo");
    }

    @Test
    void topics_are_case_sensitive_and_a_path_naming_no_topic_is_refused() {
        assertThatThrownBy(() -> SubscriptionPath.parse("/Process")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("subscription path: /Process names no topic (expected: segments among all,");
        assertThatThrownBy(() -> SubscriptionPath.parse("/proces/evnt")).hasMessageContaining("names no topic");
    }

    @Test
    void a_query_a_percent_escape_or_a_target_that_is_not_a_path_is_refused() {
        assertThatThrownBy(() -> SubscriptionPath.parse("/all?since=0")).isInstanceOf(
                IllegalArgumentException.class).hasMessageStartingWith("subscription path: '/all?since=0' has '?' at 4");
        assertThatThrownBy(() -> SubscriptionPath.parse("/ev%65nt")).hasMessageContaining("has '%' at 3");
        assertThatThrownBy(() -> SubscriptionPath.parse("http://host/all"))
                .hasMessageStartingWith("subscription path: http://host/all (expected: a path starting with '/'");
        assertThatThrownBy(() -> SubscriptionPath.parse("/" + "a".repeat(300)))
                .hasMessage("subscription path: 301 characters (expected: at most 256)");
    }
}
