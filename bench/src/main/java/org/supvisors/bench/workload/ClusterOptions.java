package org.supvisors.bench.workload;

import static org.supvisors.bench.command.Arguments.positive;
import static org.supvisors.bench.command.Arguments.value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The options of the benchmarks that run the three instances of the workload: a command's own options extend these
 * and give {@link #take} each argument first.
 */
public class ClusterOptions {

    public Path distribution = Path.of("dist/target/supvisors");
    public Path workload = Path.of("../shared/workload");
    public int runs = 5;
    public List<Scenario> scenarios = List.of(Scenario.NON_MASTER, Scenario.MASTER);
    public Duration probe = Duration.ofMillis(20);
    public Duration timeout = Duration.ofSeconds(60);
    public long seed = 1 + Math.floorMod(System.nanoTime(), 1_000_000L);
    public boolean keep;

    /**
     * Takes {@code args[i]} and its value when it is one of these options: {@code --runs}, {@code --scenarios},
     * {@code --distribution}, {@code --workload}, {@code --probe-ms}, {@code --timeout}, {@code --seed},
     * {@code --keep}.
     *
     * @return the index of the last argument taken, or -1 when {@code args[i]} is none of these
     * @throws IllegalArgumentException for a bad value
     */
    public int take(String[] args, int i) {
        String arg = args[i];
        int last = i;
        switch (arg) {
            case "--runs" -> runs = positive(arg, value(args, ++last, arg));
            case "--scenarios" -> scenarios = Arrays.stream(value(args, ++last, arg).split(","))
                    .map(text -> Scenario.ofOption(text.trim())).distinct().toList();
            case "--distribution" -> distribution = Path.of(value(args, ++last, arg));
            case "--workload" -> workload = Path.of(value(args, ++last, arg));
            case "--probe-ms" -> probe = Duration.ofMillis(positive(arg, value(args, ++last, arg)));
            case "--timeout" -> timeout = Duration.ofSeconds(positive(arg, value(args, ++last, arg)));
            case "--seed" -> seed = positive(arg, value(args, ++last, arg));
            case "--keep" -> keep = true;
            default -> last = -1;
        }
        return last;
    }

    /** Makes the paths absolute, once every argument is taken. */
    public void resolvePaths() {
        distribution = distribution.toAbsolutePath().normalize();
        workload = workload.toAbsolutePath().normalize();
    }
}
