package org.devcd.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's "Use devcd in your project" is the project this archetype generates: every code block of that section
 * is a verbatim part of a template (with the integration test's properties put in), and its generate line uses them.
 */
class ReadmeMatchesArchetypeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path TEMPLATES = Path.of("src", "main", "resources", "archetype-resources");
    private static final Path IT = Path.of("src", "test", "resources", "projects", "disk-driver", "archetype.properties");

    /** Each ```java and ```xml block of the section occurs in one of the generated files. */
    @Test
    void everyCodeBlockIsPartOfTheGeneratedProject() throws IOException {
        Properties generation = generation();
        List<String> generated = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                generated.add(Files.readString(file).replace("${package}", generation.getProperty("package")));
            }
        }
        List<String> blocks = codeBlocks(section());

        assertThat(blocks).hasSizeGreaterThanOrEqualTo(6);
        for (String block : blocks) {
            assertThat(generated).as("a generated file containing:%n%s", block).anySatisfy(f -> assertThat(f)
                    .contains(block));
        }
    }

    /** The README's archetype:generate line asks for the same project the integration test generates and builds. */
    @Test
    void theGenerateLineMatchesTheIntegrationTest() throws IOException {
        Properties generation = generation();
        String section = section();

        for (String key : List.of("groupId", "artifactId", "package")) {
            assertThat(section).contains("-D" + key + "=" + generation.getProperty(key) + " ");
        }
        assertThat(section).contains("mvn -B -ntp archetype:generate -DarchetypeGroupId=org.devcd "
                + "-DarchetypeArtifactId=devcd-driver-archetype -DarchetypeVersion=" + System.getProperty("devcd.version")
                + " ");
    }

    private static Properties generation() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(IT)) {
            properties.load(in);
        }
        return properties;
    }

    private static String section() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Use devcd in your project");
        assertThat(start).as("the README has the section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> codeBlocks(String section) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```(?:java|xml)\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
