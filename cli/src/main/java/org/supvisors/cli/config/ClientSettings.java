package org.supvisors.cli.config;

import java.nio.file.Path;

/**
 * What {@code supvisorsctl} connects to and how it presents itself, resolved from the command line, the
 * configuration file and the defaults.
 *
 * @param serverUrl       the agent's URL
 * @param username        the user name, {@code null} for none
 * @param password        the password, {@code null} for none
 * @param prompt          the prompt of the interactive mode, without its {@code "> "}
 * @param historyFile     where the interactive mode keeps its history, {@code null} for nowhere
 * @param agentPortOffset the agent port minus the supervisord HTTP port
 */
public record ClientSettings(String serverUrl, String username, String password, String prompt, Path historyFile,
                             int agentPortOffset) {
}
