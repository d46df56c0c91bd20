package org.supvisors.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supvisors.core.statistics.IoCounters;

/** The parsers of {@code /proc} files, on files written by the test. */
class ProcFilesTest {

    @TempDir
    Path dir;

    private ProcFile file(String content) throws IOException {
        Path path = dir.resolve("stat");
        Files.writeString(path, content);
        ProcFile file = new ProcFile();
        assertThat(file.read(path.toString())).isTrue();
        return file;
    }

    @Test
    void a_stat_line_gives_parent_own_cpu_ticks_and_resident_pages() throws IOException {
        String line = "4242 (sleep) S 4000 4242 4000 0 -1 4194304 95 0 0 0 17 5 3 1 20 0 1 0 123456 5898240 227 "
                + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

        ProcStat stat = ProcStat.parse(4242, file(line));

        // utime 17 + stime 5; cutime and cstime (3, 1) are not used
        assertThat(stat).isEqualTo(new ProcStat(4242, 4000, 22, 227));
    }

    @Test
    void a_command_name_with_spaces_and_parentheses_does_not_shift_the_fields() throws IOException {
        String line = "77 (my (odd) name ) R 1 77 77 0 -1 0 0 0 0 0 300 200 0 0 20 0 1 0 1 1 9 0\n";

        assertThat(ProcStat.parse(77, file(line))).isEqualTo(new ProcStat(77, 1, 500, 9));
    }

    @Test
    void a_truncated_stat_line_is_no_process() throws IOException {
        assertThat(ProcStat.parse(1, file("1 (init) S 0 1 1"))).isNull();
        assertThat(ProcStat.parse(1, file("garbage"))).isNull();
    }

    @Test
    void a_file_that_cannot_be_read_says_so() {
        assertThat(new ProcFile().read(dir.resolve("missing").toString())).isFalse();
    }

    @Test
    void a_file_larger_than_the_buffer_is_read_whole() throws IOException {
        String big = "x".repeat(10_000) + ")";
        ProcFile file = file(big);
        assertThat(file.length()).isEqualTo(10_001);
        assertThat(file.lastIndexOf((byte) ')')).isEqualTo(10_000);
    }

    @Test
    void interfaces_that_are_up_give_their_received_and_sent_bytes() throws IOException {
        Path dev = dir.resolve("dev");
        Files.writeString(dev, String.join("\n",
                "Inter-|   Receive                                                |  Transmit",
                " face |bytes    packets errs drop fifo frame compressed multicast"
                        + "|bytes    packets errs drop fifo colls carrier compressed",
                "    lo: 15158378331 1000 0 0 0 0 0 0 15158378331 1000 0 0 0 0 0 0",
                "  eth0: 51031406 40000 0 0 0 0 0 0 9000000000 30000 0 0 0 0 0 0",
                "  down0: 5 1 0 0 0 0 0 0 7 1 0 0 0 0 0 0",
                ""));
        for (String[] nic : new String[][] {{"lo", "0x9"}, {"eth0", "0x1003"}, {"down0", "0x1002"}}) {
            Files.createDirectories(dir.resolve("net").resolve(nic[0]));
            Files.writeString(dir.resolve("net").resolve(nic[0]).resolve("flags"), nic[1] + "\n");
        }

        Map<String, IoCounters> counters = new NetworkCounters(dev.toString(), dir.resolve("net").toString(),
                new ProcFile()).read();

        assertThat(counters).containsOnlyKeys("lo", "eth0")
                .containsEntry("eth0", new IoCounters(51_031_406L, 9_000_000_000L))
                .containsEntry("lo", new IoCounters(15_158_378_331L, 15_158_378_331L));
    }

    @Test
    void partitions_are_the_mounts_of_physical_file_systems() throws IOException {
        Path mounts = dir.resolve("mounts");
        Path filesystems = dir.resolve("filesystems");
        String root = dir.toString();
        Files.writeString(mounts, String.join("\n",
                "/dev/vda " + root + " ext4 rw,relatime 0 0",
                "proc /proc proc rw 0 0",
                "tmpfs /run tmpfs rw 0 0",
                "none /nothing ext4 rw 0 0",
                "/dev/vdb " + root.replace("/", "/") + "/missing\\040dir ext4 rw 0 0",
                ""));
        Files.writeString(filesystems, "nodev\tproc\nnodev\ttmpfs\n\text4\n");

        Map<String, Double> usage = new PartitionUsage(mounts.toString(), filesystems.toString(), new ProcFile())
                .read();

        // the missing mount point cannot be read: skipped
        assertThat(usage).containsOnlyKeys(root);
        assertThat(usage.get(root)).isBetween(0.0, 100.0);
    }

    @Test
    void mount_points_are_unescaped() {
        assertThat(PartitionUsage.unescape("/mnt/my\\040disk")).isEqualTo("/mnt/my disk");
        assertThat(PartitionUsage.unescape("/a\\134b")).isEqualTo("/a\\b");
        assertThat(PartitionUsage.unescape("/plain")).isEqualTo("/plain");
        assertThat(PartitionUsage.unescape("/odd\\04")).isEqualTo("/odd\\04");
    }
}
