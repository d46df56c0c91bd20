package org.supvisors.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

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
}
