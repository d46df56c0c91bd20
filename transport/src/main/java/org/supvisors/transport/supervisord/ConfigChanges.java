package org.supvisors.transport.supervisord;

import java.util.List;

/**
 * What {@code supervisor.reloadConfig} found in the configuration files, by group name. It only re-reads the files:
 * groups are added or removed by {@code addProcessGroup} / {@code removeProcessGroup}.
 *
 * @param added groups new in the files
 * @param changed groups whose configuration changed
 * @param removed groups no longer in the files
 */
public record ConfigChanges(List<String> added, List<String> changed, List<String> removed) {

    public ConfigChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }
}
