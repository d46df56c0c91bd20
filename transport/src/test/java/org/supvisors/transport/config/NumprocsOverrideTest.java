package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumprocsOverrideTest {

    @TempDir
    Path dir;

    private NumprocsOverride override(String mainText) {
        Path main = TestFiles.write(dir, "supervisord.conf", mainText);
        return new NumprocsOverride(main, new Expansions(Map.of("CONF", dir.toString()), "node1"));
    }

    @Test
    void when_the_override_is_the_last_include_then_no_problem_even_before_it_exists() {
        TestFiles.write(dir, "conf.d/a.conf", "[program:x]\ncommand = x\n");
        assertThat(override("[supervisord]\n[include]\nfiles = conf.d/*.conf supvisors-numprocs.conf\n")
                .includeProblem()).isEmpty();
        assertThat(override("[include]\nfiles = conf.d/*.conf\n    %(here)s/supvisors-numprocs.conf\n")
                .includeProblem()).isEmpty();
        assertThat(override("[include]\nfiles = %(ENV_CONF)s/conf.d/*.conf ./supvisors-*.conf\n").includeProblem())
                .isEmpty();
    }

    @Test
    void when_there_is_no_include_then_the_problem_says_what_to_add_where() {
        NumprocsOverride override = override("[supervisord]\n");
        assertThat(override.includeProblem()).contains(dir.resolve("supvisors-numprocs.conf")
                + " is not included by supervisord: add an [include] section with files = supvisors-numprocs.conf"
                + " to " + dir.resolve("supervisord.conf"));
    }

    @Test
    void when_the_override_is_not_last_then_the_problem_shows_the_files_line() {
        NumprocsOverride override = override("[supervisord]\n[include]\nfiles = supvisors-numprocs.conf conf.d/*.conf\n");
        assertThat(override.includeProblem()).contains(dir.resolve("supvisors-numprocs.conf") + " is not the last"
                + " file supervisord reads: end files of [include] in " + dir.resolve("supervisord.conf") + ":3 with"
                + " supvisors-numprocs.conf (now: files = supvisors-numprocs.conf conf.d/*.conf)");
        assertThat(override("[include]\nfiles = conf.d/*.conf\n").includeProblem()).isPresent();
    }

    @Test
    void when_the_last_glob_also_matches_a_file_sorted_after_it_then_that_file_is_named() {
        TestFiles.write(dir, "zz.conf", "[program:x]\ncommand = x\n");
        TestFiles.write(dir, ".hidden.conf", "");
        NumprocsOverride override = override("[include]\nfiles = *.conf\n");
        assertThat(override.includeProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(dir.resolve("zz.conf") + " is read after " + dir.resolve("supvisors-numprocs.conf")));
    }

    @Test
    void writing_keeps_the_other_programs_drops_those_defined_nowhere_else_and_restores() throws Exception {
        TestFiles.write(dir, "conf.d/a.conf", "[program:x]\ncommand = x\n[eventlistener:y]\ncommand = y\n"
                + "events = TICK_5\n");
        NumprocsOverride override = override("[include]\nfiles = conf.d/*.conf supvisors-numprocs.conf\n");
        assertThat(override.file()).isEqualTo(dir.resolve("supvisors-numprocs.conf"));

        assertThat(override.write("program:x", 4)).isEmpty();
        Optional<String> first = override.write("eventlistener:y", 2);
        assertThat(first).hasValueSatisfying(text -> assertThat(text).contains("[program:x]\nnumprocs = 4\n"));
        String written = Files.readString(override.file());
        assertThat(written).startsWith("# Written by supvisorsd").contains("[eventlistener:y]\nnumprocs = 2\n")
                .contains("[program:x]\nnumprocs = 4\n");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain(
                ".supvisors-numprocs.conf.tmp");

        // x removed from the configuration: its section would make supervisord refuse the files
        TestFiles.write(dir, "conf.d/a.conf", "[eventlistener:y]\ncommand = y\nevents = TICK_5\n");
        Optional<String> second = override.write("eventlistener:y", 3);
        assertThat(Files.readString(override.file())).contains("[eventlistener:y]\nnumprocs = 3\n")
                .doesNotContain("program:x");

        override.restore(second);
        assertThat(Files.readString(override.file())).isEqualTo(written);
        override.restore(Optional.empty());
        assertThat(override.file()).doesNotExist();
    }

    @Test
    void globs_match_as_pythons_without_reading_the_disk() {
        assertThat(NumprocsOverride.matches(Path.of("/a/*.conf"), Path.of("/a/x.conf"))).isTrue();
        assertThat(NumprocsOverride.matches(Path.of("/a/*.conf"), Path.of("/a/.x.conf"))).isFalse();
        assertThat(NumprocsOverride.matches(Path.of("/a/[st]*"), Path.of("/a/supvisors-numprocs.conf"))).isTrue();
        assertThat(NumprocsOverride.matches(Path.of("/*/x.conf"), Path.of("/a/b/x.conf"))).isFalse();
        assertThat(NumprocsOverride.matches(Path.of("/a/x.conf"), Path.of("/a/x.conf"))).isTrue();
    }
}
