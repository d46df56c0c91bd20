package org.supvisors.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of the documentation ({@code docs/examples/ClientExample.java}) compiles against this library, without
 * warnings, and runs: against an unreachable agent it prints the one-line reason (dist's {@code ClientExampleIT} runs
 * it against a real agent).
 */
class ClientExampleCompilesTest {

    /** The example's source, from the module directory (where the build runs its tests). */
    static final Path EXAMPLE = Paths.get("").toAbsolutePath().getParent().resolve("docs/examples/ClientExample.java");

    @Test
    void the_documented_example_compiles_and_runs(@TempDir Path classes) throws Exception {
        assertThat(EXAMPLE).exists();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-Xlint:all", "-Werror", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), EXAMPLE.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method run = loader.loadClass("ClientExample").getDeclaredMethod("run", String.class, String.class,
                    String.class, String.class, PrintStream.class);
            run.setAccessible(true);
            run.invoke(null, "http://127.0.0.1:1", null, null, "web", new PrintStream(printed, true,
                    StandardCharsets.UTF_8));
        }
        assertThat(List.of(printed.toString(StandardCharsets.UTF_8).split("\n")))
                .containsExactly("http://127.0.0.1:1/RPC2 refused connection");
        assertThat(Files.list(classes)).extracting(p -> p.getFileName().toString()).contains("ClientExample.class");
    }
}
