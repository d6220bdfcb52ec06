package org.gridgov.kit.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The structure every domain service keeps (docs/style.md): business rules in {@code ..domain..}
 * packages as plain Java, and no service reaching into another's code. Extend it once per
 * service, in the service's root package.
 */
public abstract class ServiceArchitectureTests {

    private static final String[] OTHER_SERVICES = {"grid", "member", "wish", "matching", "gateway"};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(getClass().getPackageName());

    @Test
    void domain_code_is_plain_java_without_framework_or_infrastructure() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "reactor.netty..",
                        "tools.jackson..", "com.fasterxml.jackson..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void a_service_does_not_use_another_service_code() {
        String own = getClass().getPackageName();
        for (String service : OTHER_SERVICES) {
            String other = "org.gridgov." + service;
            if (!other.equals(own)) {
                noClasses().should().dependOnClassesThat().resideInAPackage(other + "..")
                        .allowEmptyShould(true)
                        .check(classes);
            }
        }
    }
}
