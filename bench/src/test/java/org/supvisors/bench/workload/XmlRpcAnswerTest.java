package org.supvisors.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class XmlRpcAnswerTest {

    private static final String STATE = String.join("\n",
            "<?xml version='1.0'?>",
            "<methodResponse>",
            "<params>",
            "<param>",
            "<value><struct>",
            "<member>",
            "<name>fsm_statecode</name>",
            "<value><int>4</int></value>",
            "</member>",
            "<member>",
            "<name>fsm_statename</name>",
            "<value><string>OPERATION</string></value>",
            "</member>",
            "<member>",
            "<name>master_identifier</name>",
            "<value><string></string></value>",
            "</member>",
            "</struct></value>",
            "</param>",
            "</params>",
            "</methodResponse>",
            "");

    @Test
    void memberFindsTypedScalarsAndEmptyStrings() {
        assertThat(XmlRpcAnswer.member(STATE, "fsm_statename")).contains("OPERATION");
        assertThat(XmlRpcAnswer.member(STATE, "fsm_statecode")).contains("4");
        assertThat(XmlRpcAnswer.member(STATE, "master_identifier")).contains("");
        assertThat(XmlRpcAnswer.member(STATE, "statename")).isEmpty();
        assertThat(XmlRpcAnswer.isFault(STATE)).isFalse();
    }

    @Test
    void faultIsRecognized() {
        assertThat(XmlRpcAnswer.isFault("<methodResponse>\n<fault>\n<value><struct>")).isTrue();
    }

    @Test
    void countFindsEveryOccurrence() {
        assertThat(XmlRpcAnswer.count("<a><a><b><a>", "<a>")).isEqualTo(3);
        assertThat(XmlRpcAnswer.count("", "<a>")).isZero();
    }

    private static final String PROCESSES = String.join("\n",
            "<?xml version='1.0'?>",
            "<methodResponse>",
            "<params>",
            "<param>",
            "<value><array><data>",
            "<value><struct>",
            "<member>",
            "<name>process_name</name>",
            "<value><string>worker_001</string></value>",
            "</member>",
            "<member>",
            "<name>identifiers</name>",
            "<value><array><data>",
            "<value><string>127.0.0.1:30000</string></value>",
            "<value><string>127.0.0.1:30010</string></value>",
            "</data></array></value>",
            "</member>",
            "</struct></value>",
            "<value><struct>",
            "<member>",
            "<name>process_name</name>",
            "<value><string>worker_002</string></value>",
            "</member>",
            "<member>",
            "<name>identifiers</name>",
            "<value><array><data>",
            "</data></array></value>",
            "</member>",
            "</struct></value>",
            "</data></array></value>",
            "</param>",
            "</params>",
            "</methodResponse>",
            "");

    @Test
    void structsAreSplitOneTextEach() {
        List<String> structs = XmlRpcAnswer.structs(PROCESSES);

        assertThat(structs).hasSize(2);
        assertThat(XmlRpcAnswer.member(structs.get(0), "process_name")).contains("worker_001");
        assertThat(XmlRpcAnswer.member(structs.get(1), "process_name")).contains("worker_002");
        assertThat(XmlRpcAnswer.structs(STATE)).hasSize(1);
        assertThat(XmlRpcAnswer.structs("<methodResponse><params><param><value><array><data>\n</data></array>"))
                .isEmpty();
    }

    @Test
    void arrayGivesTheScalarsOfOneMember() {
        List<String> structs = XmlRpcAnswer.structs(PROCESSES);

        assertThat(XmlRpcAnswer.array(structs.get(0), "identifiers"))
                .containsExactly("127.0.0.1:30000", "127.0.0.1:30010");
        assertThat(XmlRpcAnswer.array(structs.get(1), "identifiers")).isEmpty();
        assertThat(XmlRpcAnswer.array(structs.get(0), "nothing")).isEmpty();
    }

    @Test
    void resultIsTheScalarOfTheParamOrTheFault() {
        assertThat(XmlRpcAnswer.result("<methodResponse>\n<params>\n<param>\n<value><boolean>1</boolean></value>\n"))
                .isEqualTo("1");
        assertThat(XmlRpcAnswer.result(String.join("\n", "<methodResponse>", "<fault>", "<value><struct>",
                "<member>", "<name>faultCode</name>", "<value><int>6</int></value>", "</member>", "<member>",
                "<name>faultString</name>", "<value><string>BAD_SUPVISORS_STATE: ELECTION</string></value>",
                "</member>", "</struct></value>", "</fault>")))
                .isEqualTo("fault 6 BAD_SUPVISORS_STATE: ELECTION");
        assertThat(XmlRpcAnswer.result("<html>")).isEqualTo("?");
    }
}
