package com.tentabo.prm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md is true: its Java example compiles against the packaged domain jar alone and, run in a child
 * JVM whose class path is that jar and the compiled example, prints exactly the output the page shows.
 */
class EmbeddingExampleIT {

    @Test
    void theDocumentedExampleCompilesAndRunsWithOnlyTheDomainJar() throws Exception {
        Path doc = Paths.get(System.getProperty("embedding.doc", "../docs/embedding.md"));
        String markdown = Files.readString(doc, StandardCharsets.UTF_8);
        String code = block(markdown, "java");
        String expected = block(markdown, "text");
        Matcher name = Pattern.compile("public class (\\w+)").matcher(code);
        assertThat(name.find()).as("the example declares a public class").isTrue();

        Path jar = domainJar();
        Path work = Files.createTempDirectory("embedding-example");
        Path source = work.resolve(name.group(1) + ".java");
        Files.writeString(source, code, StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(
                null,
                diagnostics,
                diagnostics,
                "-classpath",
                jar.toString(),
                "-d",
                work.toString(),
                "--release",
                "17",
                source.toString());
        assertThat(compiled)
                .as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8))
                .isZero();

        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "-cp", jar + File.pathSeparator + work, name.group(1))
                .redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output.lines().toList())
                .containsExactlyElementsOf(expected.lines().toList());
    }

    private static String block(String markdown, String language) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(markdown);
        assertThat(m.find()).as("a ```%s block in docs/embedding.md", language).isTrue();
        return m.group(1);
    }

    private static Path domainJar() throws IOException {
        Path target = Paths.get(System.getProperty("project.build.directory", "target"));
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("prm-domain-[^/]*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-tests.jar"))
                    .toList();
            assertThat(jars).as("the packaged domain jar in %s", target).hasSize(1);
            return jars.get(0);
        }
    }
}
