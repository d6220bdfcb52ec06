package org.gridgov.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The documentation lives in the repository, its links lead somewhere and its example names real types. */
class DocumentationTest {

    /** A mention of the design documents that used to live outside the repository. */
    private static final Pattern OUTSIDE_DOCUMENT = Pattern.compile("(?<![\\w/.-])(API|DESIGN|STYLE)\\.md|shared/(API|DESIGN|STYLE|seeds)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    private static final Pattern CODE = Pattern.compile("```[a-z]*\\n(.*?)```|`([^`\\n]+)`", Pattern.DOTALL);
    /** A Java type's simple name: capitalised, with at least one lower-case letter (not a constant). */
    private static final Pattern TYPE = Pattern.compile("(?<![\\w*-])@?([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?![\\w-])");
    /** What in a code block is not code: string literals and comments. */
    private static final Pattern PROSE_IN_CODE = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|//[^\\n]*");
    /** Where the types of the JDK and the frameworks a service uses come from. */
    private static final List<String> LIBRARY_PACKAGES = List.of("java.lang.", "java.util.", "java.time.", "java.net.",
            "reactor.core.publisher.", "org.springframework.http.", "org.springframework.r2dbc.core.",
            "org.springframework.transaction.reactive.", "org.springframework.transaction.annotation.",
            "org.springframework.web.bind.annotation.", "org.springframework.security.core.annotation.",
            "org.springframework.beans.factory.annotation.",
            "org.springframework.test.web.reactive.server.", "jakarta.validation.");

    @Test
    void no_file_of_the_project_refers_to_a_document_outside_the_repository() {
        List<String> references = Documentation.files()
                .filter(file -> !file.getFileName().toString().matches(".*\\.(jar|png|ico|class|gz)$"))
                .flatMap(file -> {
                    String text = textOf(file);
                    Matcher outside = OUTSIDE_DOCUMENT.matcher(text);
                    return outside.find() ? Stream.of(Documentation.ROOT.relativize(file) + ": " + outside.group()) : Stream.<String>empty();
                })
                .toList();
        assertThat(references).as("files that point to the design documents outside the repository instead of docs/").isEmpty();
    }

    @Test
    void every_relative_link_of_the_documentation_leads_to_a_file_of_the_repository() {
        Set<String> broken = new TreeSet<>();
        for (Path page : Documentation.markdownFiles()) {
            Matcher link = LINK.matcher(textOf(page));
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains("://") && !Files.exists(page.getParent().resolve(target))) {
                    broken.add(Documentation.ROOT.relativize(page) + " → " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void the_readme_links_the_design_the_api_and_the_guides() {
        String readme = Documentation.read("README.md");
        assertThat(readme).contains("(docs/design.md)", "(docs/api.md)", "(docs/app-developers.md)", "(docs/operations.md)",
                "(docs/building-a-service.md)", "(docs/style.md)");
    }

    @Test
    void every_module_has_a_readme() {
        String modules = Documentation.read("pom.xml");
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(modules);
        Set<String> without = new TreeSet<>();
        while (module.find()) {
            if (!Files.isRegularFile(Documentation.ROOT.resolve(module.group(1)).resolve("README.md"))) {
                without.add(module.group(1));
            }
        }
        assertThat(without).as("modules without a README.md").isEmpty();
    }

    @Test
    void every_type_the_guide_to_building_a_service_names_exists() {
        Set<String> declared = declaredTypes();
        Set<String> missing = new TreeSet<>();
        Matcher code = CODE.matcher(Documentation.read("docs/building-a-service.md"));
        while (code.find()) {
            String text = code.group(1) != null ? code.group(1) : code.group(2);
            Matcher type = TYPE.matcher(PROSE_IN_CODE.matcher(text).replaceAll(" "));
            while (type.find()) {
                String name = type.group(1);
                if (!declared.contains(name) && !isLibraryType(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("types named in docs/building-a-service.md that exist nowhere").isEmpty();
    }

    private static Set<String> declaredTypes() {
        Pattern declaration = Pattern.compile("\\b(?:class|record|interface|enum|@interface)\\s+([A-Z]\\w*)");
        Set<String> declared = new TreeSet<>();
        Documentation.files().filter(file -> file.toString().endsWith(".java")).forEach(file -> {
            Matcher type = declaration.matcher(textOf(file));
            while (type.find()) {
                declared.add(type.group(1));
            }
        });
        return declared;
    }

    private static boolean isLibraryType(String name) {
        for (String pkg : LIBRARY_PACKAGES) {
            try {
                Class.forName(pkg + name, false, DocumentationTest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this package
            }
        }
        return false;
    }

    private static String textOf(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            return ""; // binary
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
