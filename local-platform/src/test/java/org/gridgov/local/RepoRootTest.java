package org.gridgov.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

    @Test
    void the_root_is_found_from_a_module_directory(@TempDir Path checkout) throws IOException {
        Files.createFile(checkout.resolve("pom.xml"));
        Files.createDirectories(checkout.resolve("local-platform"));
        Path module = Files.createDirectories(checkout.resolve("wish-service/src"));
        Files.createFile(checkout.resolve("wish-service/pom.xml"));

        assertThat(RepoRoot.find(module)).isEqualTo(checkout.toRealPath());
    }

    @Test
    void outside_a_checkout_the_launcher_says_so(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> RepoRoot.find(elsewhere)).hasMessageContaining("not inside a GridGov checkout");
    }
}
