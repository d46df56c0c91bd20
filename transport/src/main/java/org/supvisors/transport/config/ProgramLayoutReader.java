package org.supvisors.transport.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads which program generates each process, as supervisord 4.2.5 builds its groups:
 * <ul>
 *   <li>{@code [group:g] programs=a,b}: the processes of {@code [program:a]} (or {@code [fcgi-program:a]}) belong to
 *       group {@code g}; a program may be in several groups;</li>
 *   <li>a {@code [program:x]} or {@code [fcgi-program:x]} in no group, and every {@code [eventlistener:x]}, forms
 *       its own group {@code x};</li>
 *   <li>a program generates {@code numprocs} (default 1) processes numbered from {@code numprocs_start}
 *       (default 0), named by {@code process_name} (default {@code %(program_name)s}) expanded with
 *       {@code program_name}, {@code group_name}, {@code process_num}, {@code numprocs}, {@code host_node_name},
 *       {@code here} and {@code ENV_X} (the program's own {@code environment} included).</li>
 * </ul>
 * supervisord refuses a configuration with a bad program section, so such a section can only appear if the files
 * changed after supervisord read them: it is reported as an ERROR and its processes are not placed (callers then
 * use the process name as program name).
 */
final class ProgramLayoutReader {

    private final IniDocument document;
    private final Expansions expansions;
    private final Consumer<ConfigMessage> messages;
    private final Map<String, ProgramSection> programs = new LinkedHashMap<>();

    ProgramLayoutReader(IniDocument document, Expansions expansions, Consumer<ConfigMessage> messages) {
        this.document = document;
        this.expansions = expansions;
        this.messages = messages;
    }

    ConfiguredProgramLayout read() {
        Map<String, Map<String, ProcessPlacement>> placements = new LinkedHashMap<>();
        Set<String> grouped = new HashSet<>();
        List<String> sections = document.sectionNames();
        for (String section : sections) {
            if (section.startsWith("group:")) {
                readGroup(section, sections, grouped, placements);
            }
        }
        for (String section : sections) {
            if ((section.startsWith("program:") || section.startsWith("fcgi-program:")) && !grouped.contains(section)) {
                try {
                    String group = SupervisorDatatypes.processOrGroupName(suffix(section));
                    place(section, group, placements);
                } catch (IllegalArgumentException e) {
                    error(section, e.getMessage());
                }
            } else if (section.startsWith("eventlistener:")) {
                place(section, suffix(section), placements);
            }
        }
        return new ConfiguredProgramLayout(placements, programs);
    }

    private void readGroup(String section, List<String> sections, Set<String> grouped,
                           Map<String, Map<String, ProcessPlacement>> placements) {
        String group;
        try {
            group = SupervisorDatatypes.processOrGroupName(suffix(section));
        } catch (IllegalArgumentException e) {
            error(section, e.getMessage());
            return;
        }
        Optional<IniValue> programs = document.value(section, "programs");
        List<String> names;
        try {
            names = programs.isEmpty() ? List.of()
                    : SupervisorDatatypes.listOfStrings(expansions.expand(programs.get()));
        } catch (InvalidValueException e) {
            error(programs.get(), section, "programs", e.getMessage());
            return;
        }
        for (String program : names) {
            String programSection = "program:" + program;
            String fcgiSection = "fcgi-program:" + program;
            boolean isProgram = sections.contains(programSection);
            boolean isFcgi = sections.contains(fcgiSection);
            if (isProgram == isFcgi) {
                error(programs.get(), section, "programs", isProgram
                        ? "name " + program + " is ambiguous (exists as program and fcgi-program)"
                        : "names unknown program or fcgi-program " + program);
                continue;
            }
            String programSectionName = isProgram ? programSection : fcgiSection;
            grouped.add(programSectionName);
            place(programSectionName, group, placements);
        }
    }

    /** Places the processes of one program section in {@code group}. */
    private void place(String section, String group, Map<String, Map<String, ProcessPlacement>> placements) {
        String program;
        try {
            program = SupervisorDatatypes.processOrGroupName(suffix(section));
        } catch (IllegalArgumentException e) {
            error(section, e.getMessage());
            return;
        }
        Map<String, Object> common = new HashMap<>();
        common.put("program_name", program);
        common.put("group_name", group);
        int numprocs;
        int numprocsStart;
        try {
            numprocs = integer(section, "numprocs", 1, common);
            numprocsStart = integer(section, "numprocs_start", 0, common);
        } catch (InvalidValueException e) {
            return;
        }
        Optional<IniValue> processNameValue = document.value(section, "process_name");
        String processName = processNameValue.map(IniValue::text).orElse("%(program_name)s");
        try {
            SupervisorDatatypes.processOrGroupName(processName);
        } catch (IllegalArgumentException e) {
            error(processNameValue.get(), section, "process_name", e.getMessage());
            return;
        }
        if (numprocs > 1 && !processName.contains("%(process_num)")) {
            if (processNameValue.isPresent()) {
                error(processNameValue.get(), section, "process_name",
                        "%(process_num) must be present within process_name when numprocs > 1");
            } else {
                error(document.value(section, "numprocs").orElseThrow(), section, "numprocs",
                        "%(process_num) must be present within process_name (default %(program_name)s) when"
                                + " numprocs > 1");
            }
            return;
        }
        Optional<IniValue> environment = document.value(section, "environment");
        List<String> names = new ArrayList<>();
        for (int processNum = numprocsStart; processNum < numprocsStart + numprocs; processNum++) {
            Map<String, Object> expansionNames = new HashMap<>(common);
            expansionNames.put("process_num", processNum);
            expansionNames.put("numprocs", numprocs);
            try {
                if (environment.isPresent()) {
                    Map<String, String> variables;
                    try {
                        variables = SupervisorDatatypes.dictOfKeyValuePairs(expansions.expand(environment.get(),
                                expansionNames));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidValueException(e.getMessage());
                    }
                    variables.forEach((key, value) -> expansionNames.put("ENV_" + key, value));
                }
            } catch (InvalidValueException e) {
                error(environment.get(), section, "environment", e.getMessage());
                return;
            }
            try {
                names.add(processNameValue.isPresent() ? expansions.expand(processNameValue.get(), expansionNames)
                        : program);
            } catch (InvalidValueException e) {
                error(processNameValue.get(), section, "process_name", e.getMessage());
                return;
            }
        }
        Map<String, ProcessPlacement> processes = placements.computeIfAbsent(group, g -> new LinkedHashMap<>());
        for (int index = 0; index < names.size(); index++) {
            processes.put(names.get(index), new ProcessPlacement(program, index, numprocs));
        }
        String kind = section.substring(0, section.indexOf(':'));
        programs.merge(program, new ProgramSection(kind, program, numprocs, processName, Map.of(group, names)),
                (known, added) -> known.inGroup(group, names));
    }

    private int integer(String section, String key, int defaultValue, Map<String, Object> names)
            throws InvalidValueException {
        Optional<IniValue> value = document.value(section, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long number = SupervisorDatatypes.integer(expansions.expand(value.get(), names));
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw new InvalidValueException("integer out of range");
            }
            return (int) number;
        } catch (InvalidValueException e) {
            error(value.get(), section, key, e.getMessage());
            throw e;
        } catch (NumberFormatException e) {
            error(value.get(), section, key, e.getMessage() + " (expected: an integer)");
            throw new InvalidValueException(e.getMessage());
        }
    }

    private static String suffix(String section) {
        return section.substring(section.indexOf(':') + 1);
    }

    private void error(String section, String reason) {
        String location = document.section(section).map(IniSection::location).orElse("");
        messages.accept(ConfigMessage.error(location + ": [" + section + "]: " + reason
                + "; its processes are not placed"));
    }

    private void error(IniValue value, String section, String key, String reason) {
        messages.accept(ConfigMessage.error(value.location() + ": [" + section + "] " + key + "=" + value.shown() + ": "
                + reason + "; its processes are not placed"));
    }
}
