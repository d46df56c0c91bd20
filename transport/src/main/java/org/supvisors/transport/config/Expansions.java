package org.supvisors.transport.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names that supervisord lets values refer to: {@code %(ENV_X)s} for each variable of supervisord's
 * environment (and of its {@code [supervisord] environment}), {@code %(host_node_name)s}, and {@code %(here)s}, the
 * directory of the file that holds the value. Sections add their own names (a program's {@code program_name},
 * {@code process_num}...). Immutable.
 */
final class Expansions {

    private final Map<String, Object> names;

    Expansions(Map<String, String> environment, String hostNodeName) {
        names = new HashMap<>();
        environment.forEach((key, value) -> names.put("ENV_" + key, value));
        names.put("host_node_name", hostNodeName);
    }

    private Expansions(Map<String, Object> names) {
        this.names = names;
    }

    /** These expansions, with more environment variables (they win over the ones already known). */
    Expansions withEnvironment(Map<String, String> environment) {
        Map<String, Object> more = new HashMap<>(names);
        environment.forEach((key, value) -> more.put("ENV_" + key, value));
        return new Expansions(more);
    }

    /** An environment variable, as {@code %(ENV_name)s} would give it. */
    Optional<String> variable(String name) {
        Object value = names.get("ENV_" + name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    String hostNodeName() {
        return (String) names.get("host_node_name");
    }

    /** Expands {@code value} with the common names and {@code here}. */
    String expand(IniValue value) throws InvalidValueException {
        return expand(value.text(), value.here(), Map.of());
    }

    /** Expands {@code value} with the common names, {@code here} and {@code extra} (which win). */
    String expand(IniValue value, Map<String, ?> extra) throws InvalidValueException {
        return expand(value.text(), value.here(), extra);
    }

    /**
     * Expands {@code text}.
     *
     * @throws InvalidValueException naming the missing name and the available ones, or the formatting error
     */
    String expand(String text, Path here, Map<String, ?> extra) throws InvalidValueException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        Map<String, Object> all = new HashMap<>(names);
        all.put("here", here.toString());
        all.putAll(extra);
        try {
            return PercentFormat.format(text, all);
        } catch (PercentFormat.MissingNameException e) {
            Set<String> available = new TreeSet<>();
            for (String name : all.keySet()) {
                if (!name.startsWith("ENV_")) {
                    available.add(name);
                }
            }
            available.add("ENV_<variable>");
            throw new InvalidValueException("%(" + e.name() + ") cannot be expanded (available names: "
                    + String.join(", ", available) + ")");
        } catch (InvalidValueException e) {
            throw new InvalidValueException("badly formatted for %-expansion: " + e.getMessage()
                    + " (write %% for a percent sign)");
        }
    }
}
