package org.supvisors.transport.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.instance.InstanceIdentity;

/**
 * Everything the agent reads from supervisord's configuration files.
 *
 * @param file the absolute path of supervisord's main configuration file
 * @param http the {@code [inet_http_server]} settings, through which the agent calls supervisord
 * @param supervisordIdentifier supervisord's {@code identifier} ({@code -i} or {@code [supervisord] identifier},
 *     default {@code supervisor})
 * @param options the {@code [supvisors]} options, converted and post-processed
 * @param localIdentity the identity of the local instance
 * @param layout which program generates each process
 * @param messages what the reading found worth telling, to be logged once logging is configured from
 *     {@code options}
 */
public record SupervisordConfiguration(Path file, HttpServerSettings http, String supervisordIdentifier,
                                       SupvisorsOptions options, InstanceIdentity localIdentity, ProgramLayout layout,
                                       List<ConfigMessage> messages) {

    public SupervisordConfiguration {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(supervisordIdentifier, "supervisordIdentifier");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(localIdentity, "localIdentity");
        Objects.requireNonNull(layout, "layout");
        messages = List.copyOf(messages);
    }

    /** The port of the agent's own HTTP server: the supervisord HTTP port + {@code agent_port_offset}. */
    public int agentPort() {
        return http.port() + options.agentPortOffset();
    }

    /** The port of the event publisher: {@code event_port}, by default the supervisord HTTP port + 1. */
    public int eventPort() {
        return options.eventPort().orElse(http.port() + 1);
    }
}
