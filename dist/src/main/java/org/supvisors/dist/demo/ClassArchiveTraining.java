package org.supvisors.dist.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.supervisord.SupervisordClient;
import org.supvisors.transport.supervisord.SupervisordException;
import org.supvisors.transport.supervisord.XmlRpcHardening;

/**
 * Writes the agent's class archive, {@code lib/supvisorsd.jsa}, with which {@code bin/supvisorsd} starts faster, uses
 * less memory and shares its class metadata with the other agents of the host (JDK static AppCDS). The archive holds
 * the classes a real agent loads: the demo's three supervisord instances run with their agents listing the classes
 * they load, go through the automatic start and a few calls of every kind, and are stopped; the JVM then dumps the
 * listed classes.
 *
 * <p>The archive belongs to this distribution's {@code lib} folder and to this JDK: the JVM ignores it, silently,
 * once either changes (run {@code bin/supvisors-cds} again after moving the distribution or changing Java). Without
 * supervisord, or when anything fails, no archive is written and the agent starts without it.
 */
public final class ClassArchiveTraining {

    static final String ARCHIVE = "supvisorsd.jsa";
    private static final String CLASS_LIST = "supvisorsd.classlist";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ClassArchiveTraining HOME (the distribution's folder)");
            System.exit(2);
        }
        XmlRpcHardening.install();
        Path home = Paths.get(args[0]).toAbsolutePath().normalize();
        Path archive = home.resolve("lib").resolve(ARCHIVE);
        Files.deleteIfExists(archive);
        String outcome;
        try {
            outcome = train(home, archive);
        } catch (IOException | RuntimeException e) {
            outcome = "no class archive (" + e.getMessage() + "): the agent starts without it";
        }
        System.out.println("supvisors-cds: " + outcome);
    }

    private static String train(Path home, Path archive) throws Exception {
        if (!Demo.onPath("supervisord")) {
            return "supervisord not found: no class archive, the agent starts without it";
        }
        Path directory = Files.createTempDirectory("supvisors-cds-");
        List<Process> supervisords = new ArrayList<>();
        try {
            int count = DemoConfiguration.NICKS.size();
            int basePort = Demo.freeBlock(24000, count * DemoConfiguration.PORTS_PER_INSTANCE);
            Path programs = directory.resolve("programs.ini");
            Files.writeString(programs, DemoConfiguration.programs());
            Path rules = directory.resolve("rules.xml");
            Files.writeString(rules, DemoConfiguration.rules());
            List<String> agents = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path instance = Files.createDirectories(directory.resolve(DemoConfiguration.NICKS.get(i)));
                Path conf = instance.resolve("supervisord.conf");
                String dump = "-XX:DumpLoadedClassList=" + instance.resolve(CLASS_LIST);
                Files.writeString(conf, DemoConfiguration.instance(home, instance, programs, rules, basePort, i,
                        dump));
                supervisords.add(new ProcessBuilder("supervisord", "-n", "-c", conf.toString())
                        .directory(instance.toFile()).redirectErrorStream(true)
                        .redirectOutput(instance.resolve("supervisord.out").toFile()).start());
                agents.add("http://127.0.0.1:" + (basePort + i * DemoConfiguration.PORTS_PER_INSTANCE + 2));
            }
            long deadline = System.nanoTime() + LIMIT.toNanos();
            for (String agent : agents) {
                while (!"OPERATION".equals(Demo.fsmState(agent))) {
                    if (System.nanoTime() > deadline) {
                        return "no class archive: the training cluster did not reach OPERATION in " + LIMIT
                                .toSeconds() + " s";
                    }
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
            exercise(agents.get(0), deadline);
            for (Process supervisord : supervisords) {
                supervisord.destroy();
            }
            for (Process supervisord : supervisords) {
                if (!supervisord.waitFor(30, TimeUnit.SECONDS)) {
                    return "no class archive: a training supervisord did not stop";
                }
            }
            Path classList = directory.resolve(DemoConfiguration.NICKS.get(0)).resolve(CLASS_LIST);
            if (!Files.isRegularFile(classList)) {
                return "no class archive: the agent listed no class (see " + directory + ")";
            }
            Path dumped = directory.resolve(ARCHIVE);
            Path log = directory.resolve("dump.log");
            Process dump = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:dump", "-XX:+UseSerialGC", "-XX:SharedClassListFile=" + classList,
                    "-XX:SharedArchiveFile=" + dumped, "-cp", home.resolve("lib") + "/*")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!dump.waitFor(60, TimeUnit.SECONDS) || dump.exitValue() != 0 || !Files.isRegularFile(dumped)) {
                dump.destroyForcibly();
                return "no class archive: the JVM could not write it: " + lastLine(log);
            }
            Files.move(dumped, archive, StandardCopyOption.REPLACE_EXISTING);
            return "class archive " + archive + " written (" + Files.size(archive) / 1024 + " KiB)";
        } finally {
            for (Process supervisord : supervisords) {
                supervisord.descendants().forEach(ProcessHandle::destroyForcibly);
                supervisord.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }

    /** Calls of every kind through one agent, once the automatic start is over. */
    private static void exercise(String agentUrl, long deadline) throws Exception {
        URI uri = URI.create(agentUrl);
        SupervisordClient agent = new SupervisordClient(new HttpServerSettings(uri.getHost(), uri.getPort(),
                Optional.empty(), Optional.empty()), Duration.ofSeconds(2), Duration.ofSeconds(20));
        while (System.nanoTime() < deadline) {
            Map<?, ?> state = (Map<?, ?>) agent.call("supvisors.get_supvisors_state");
            if (((Object[]) state.get("starting_jobs")).length == 0) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        List<Object[]> calls = List.of(
                new Object[] {"supvisors.get_all_process_info"},
                new Object[] {"supvisors.get_all_applications_info"},
                new Object[] {"supvisors.get_all_instances_info"},
                new Object[] {"supvisors.get_process_rules", "web:*"},
                new Object[] {"supvisors.test_start_application", "CONFIG", "backup"},
                new Object[] {"supvisors.stop_application", "web", true},
                new Object[] {"supvisors.start_application", "LESS_LOADED", "web", true},
                new Object[] {"supervisor.getAllProcessInfo"},
                new Object[] {"system.listMethods"},
                new Object[] {"supvisors.get_application_info", "nothing"});
        for (Object[] call : calls) {
            try {
                agent.call((String) call[0], java.util.Arrays.copyOfRange(call, 1, call.length));
            } catch (SupervisordException fault) {
                // faults are part of what an agent serves: the last call is one on purpose
            }
        }
    }
}
