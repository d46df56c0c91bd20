package org.supvisors.transport.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.instance.InstanceIdentity;

/**
 * Reads a located configuration: the files, {@code [supervisord]}, {@code [inet_http_server]}, {@code [supvisors]},
 * the local identity and the program layout, in this order (the order in which supervisord learns its environment).
 */
final class SupervisordConfigurationReader {

    private static final String SUPERVISORD = "supervisord";

    private final HostFacts host;

    SupervisordConfigurationReader(HostFacts host) {
        this.host = host;
    }

    SupervisordConfiguration read(SupervisordLocator.Location location) throws ConfigurationException {
        List<ConfigMessage> messages = new ArrayList<>();
        Expansions startup = new Expansions(location.environment(), host.hostName());
        IniDocument document = SupervisordFiles.read(location.file(), startup, messages);
        if (!document.hasSection(SUPERVISORD)) {
            messages.add(ConfigMessage.warning(location.file() + ": no [supervisord] section: is it supervisord's"
                    + " configuration file?"));
        }
        String identifier = identifier(document, startup, location);
        Expansions expansions = startup.withEnvironment(supervisordEnvironment(document, startup));
        HttpServerSettings http = HttpServerReader.read(document, expansions, location.file());
        SupvisorsOptions options = new SupvisorsSectionReader(document, expansions, location.workingDirectory(),
                http.port(), location.file(), messages).read();
        String listLocation = document.value(SupvisorsSectionReader.SECTION, "supvisors_list")
                .map(value -> value.location() + ": supvisors_list=" + value.shown())
                .orElse(location.file() + ": supvisors_list");
        InstanceIdentity identity = new LocalInstanceFinder(host).find(options.supvisorsList(), listLocation,
                http.port(), identifier, messages);
        ProgramLayout layout = new ProgramLayoutReader(document, expansions, messages::add).read();
        return new SupervisordConfiguration(location.file(), http, identifier, options, identity, layout, messages);
    }

    /** Reads the files again for the program layout only. */
    ProgramLayout readLayout(SupervisordLocator.Location location, Consumer<ConfigMessage> sink)
            throws ConfigurationException {
        List<ConfigMessage> messages = new ArrayList<>();
        Expansions startup = new Expansions(location.environment(), host.hostName());
        IniDocument document = SupervisordFiles.read(location.file(), startup, messages);
        messages.forEach(sink);
        Expansions expansions = startup.withEnvironment(supervisordEnvironment(document, startup));
        return new ProgramLayoutReader(document, expansions, sink).read();
    }

    private static String identifier(IniDocument document, Expansions expansions,
                                     SupervisordLocator.Location location) throws ConfigurationException {
        if (location.identifierOverride().isPresent()) {
            return location.identifierOverride().get();
        }
        Optional<IniValue> value = document.value(SUPERVISORD, "identifier");
        if (value.isEmpty()) {
            return "supervisor";
        }
        try {
            return expansions.expand(value.get());
        } catch (InvalidValueException e) {
            throw new ConfigurationException(value.get().location() + ": identifier=" + value.get().shown() + ": "
                    + e.getMessage());
        }
    }

    /** {@code [supervisord] environment}, whose variables supervisord adds to the {@code ENV_X} names. */
    private static Map<String, String> supervisordEnvironment(IniDocument document, Expansions expansions)
            throws ConfigurationException {
        Optional<IniValue> value = document.value(SUPERVISORD, "environment");
        if (value.isEmpty()) {
            return Map.of();
        }
        try {
            return SupervisorDatatypes.dictOfKeyValuePairs(expansions.expand(value.get()));
        } catch (InvalidValueException | IllegalArgumentException e) {
            throw new ConfigurationException(value.get().location() + ": environment=" + value.get().shown() + ": "
                    + e.getMessage());
        }
    }
}
