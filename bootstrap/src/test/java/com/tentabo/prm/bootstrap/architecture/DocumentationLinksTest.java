package com.tentabo.prm.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.bootstrap.support.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative Markdown link of the README and of {@code docs/} points at a file that exists (and, when it names a
 * heading, at a heading that exists), and no page refers to the tracker's issue numbers, which a reader of the
 * repository cannot look up.
 */
class DocumentationLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}; the target ends at the first blank or closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    private static final Pattern ISSUE_REFERENCE = Pattern.compile("(?i)\\bissue\\s*#?\\d+");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");

    private static final Path ROOT = RepositoryFiles.root();

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            String text = read(page);
            Matcher link = LINK.matcher(withoutCodeBlocks(text));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("//")) {
                    continue; // an absolute URL (http:, mailto:, …): not a file of this repository
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved =
                        file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + " → " + target + " (no such file)");
                } else if (anchor != null
                        && resolved.toString().endsWith(".md")
                        && !anchors(read(resolved)).contains(anchor)) {
                    broken.add(ROOT.relativize(page) + " → " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void noPageRefersToAnIssueNumber() {
        List<String> references = new ArrayList<>();
        for (Path page : pages()) {
            Matcher reference = ISSUE_REFERENCE.matcher(read(page));
            while (reference.find()) {
                references.add(ROOT.relativize(page) + ": " + reference.group());
            }
        }
        assertThat(references).as("issue numbers in the documentation").isEmpty();
    }

    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, blanks as hyphens. */
    static List<String> anchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        for (String line : markdown.replaceAll("(?s)```.*?```", "").split("\n")) {
            Matcher heading = HEADING.matcher(line.strip());
            if (heading.matches()) {
                anchors.add(heading.group(1)
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\n]*`", "");
    }

    private static String read(Path path) {
        return RepositoryFiles.read(path);
    }
}
