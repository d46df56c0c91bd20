package org.supvisors.bench.commander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.bench.command.BenchException;

class ProcessViewTest {

    private static String process(String name, String state, double lastEvent, String... identifiers) {
        StringBuilder text = new StringBuilder(String.join("\n",
                "<value><struct>",
                "<member>", "<name>application_name</name>", "<value><string>bulk</string></value>", "</member>",
                "<member>", "<name>process_name</name>", "<value><string>" + name + "</string></value>", "</member>",
                "<member>", "<name>now_monotonic</name>", "<value><double>100.5</double></value>", "</member>",
                "<member>", "<name>statename</name>", "<value><string>" + state + "</string></value>", "</member>",
                "<member>", "<name>last_event_mtime</name>", "<value><double>" + lastEvent + "</double></value>",
                "</member>",
                "<member>", "<name>identifiers</name>", "<value><array><data>", ""));
        for (String identifier : identifiers) {
            text.append("<value><string>").append(identifier).append("</string></value>\n");
        }
        return text.append("</data></array></value>\n</member>\n</struct></value>\n").toString();
    }

    private static String answer(String... processes) {
        return "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n"
                + String.join("", processes) + "</data></array></value>\n</param>\n</params>\n</methodResponse>\n";
    }

    private static final Map<String, String> NICKNAMES = Map.of("127.0.0.1:30000", "supv1", "127.0.0.1:30010",
            "supv2", "127.0.0.1:30020", "supv3");

    @Test
    void answerGivesEachProcessWithItsStateAndInstances() {
        List<ProcessView> views = ProcessView.of("test", answer(
                process("worker_001", "RUNNING", 100.25, "127.0.0.1:30000"),
                process("worker_002", "STOPPED", 99.0)));

        assertThat(views).hasSize(2);
        assertThat(views.get(0).namespec()).isEqualTo("bulk:worker_001");
        assertThat(views.get(0).identifiers()).containsExactly("127.0.0.1:30000");
        assertThat(views.get(1).identifiers()).isEmpty();
        assertThat(ProcessView.count(views, "RUNNING")).isEqualTo(1);
    }

    @Test
    void placementListsEveryNicknameEvenWithoutProcess() {
        List<ProcessView> views = ProcessView.of("test", answer(
                process("worker_001", "RUNNING", 100.0, "127.0.0.1:30000"),
                process("worker_002", "RUNNING", 100.0, "127.0.0.1:30020"),
                process("worker_003", "RUNNING", 100.0, "127.0.0.1:30000")));

        assertThat(ProcessView.placement(views, NICKNAMES)).isEqualTo(Map.of(
                "supv1", List.of("bulk:worker_001", "bulk:worker_003"), "supv2", List.of(),
                "supv3", List.of("bulk:worker_002")));
    }

    @Test
    void lastEventAgeIsFromTheLatestEvent() {
        List<ProcessView> views = ProcessView.of("test", answer(
                process("worker_001", "RUNNING", 100.25),
                process("worker_002", "RUNNING", 100.0)));

        assertThat(ProcessView.lastEventAge(views)).isCloseTo(0.25, within(1e-9));
        assertThat(ProcessView.lastEventAge(List.of())).isNaN();
    }

    @Test
    void faultIsThrownWithItsText() {
        String fault = "<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n"
                + "<value><int>10</int></value>\n</member>\n<member>\n<name>faultString</name>\n"
                + "<value><string>BAD_NAME: bulk:*</string></value>\n</member>\n</struct></value>\n</fault>\n";

        assertThatThrownBy(() -> ProcessView.of("get_process_info(bulk:*)", fault))
                .isInstanceOf(BenchException.class)
                .hasMessage("get_process_info(bulk:*): fault 10 BAD_NAME: bulk:* (expected: process information)");
    }
}
