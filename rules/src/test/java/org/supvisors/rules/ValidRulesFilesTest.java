package org.supvisors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * Files that 0.19's schema accepts, in every form it accepts (resources {@code valid/}): they load, and the reading
 * never reaches out of the file.
 */
class ValidRulesFilesTest {

    private static final RulesLoader LOADER = new RulesLoader();

    static Stream<Path> validFiles() {
        return RulesCorpus.files("valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void a_file_that_0_19_accepts_loads(Path file) throws InvalidRulesException {
        RuleSet rules = LOADER.load(List.of(file), StartingStrategy.CONFIG);

        assertThat(rules.messages()).filteredOn(m -> m.level() == Level.INFO).hasSize(1);
    }

    @Test
    void the_text_of_xml_entities_and_other_encodings_is_read() throws InvalidRulesException {
        RuleSet rules = LOADER.load(List.of(RulesCorpus.resource("valid/entities-of-xml.xml"),
                RulesCorpus.resource("valid/latin-1-encoding.xml"), RulesCorpus.resource("rules-with-aliases.xml")),
                StartingStrategy.CONFIG);

        assertThat(rules.applicationRules("web").identifiers()).containsExactly("<a>", "&b", "c", "\"d'", "supv01");
    }

    /**
     * The validator uses the rules XSD only: a validator following the document's schema hints would connect to the
     * server, and then wait for an answer that never comes, hence the time limit.
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_schema_location_in_a_file_is_never_fetched(@TempDir Path directory) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/rules.xsd";
            Path file = Files.writeString(directory.resolve("rules.xml"), "<root"
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\""
                    + url + "\"><application name=\"web\"/></root>");

            RuleSet rules = LOADER.load(List.of(file), StartingStrategy.CONFIG);

            assertThat(rules.applicationRules("web").managed()).isTrue();
            server.setSoTimeout(1);
            boolean connected;
            try (var ignored = server.accept()) {
                connected = true;
            } catch (SocketTimeoutException e) {
                connected = false;
            }
            assertThat(connected).as("a connection to " + url).isFalse();
        }
    }
}
