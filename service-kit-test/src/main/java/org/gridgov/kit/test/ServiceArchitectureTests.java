package org.gridgov.kit.test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps (docs/style.md): a package per feature, and inside it the
 * domain (plain Java), the application code in the feature's own package, and the adapters
 * {@code web}, {@code persistence} and {@code messaging}. Requests come in through {@code web},
 * which calls the application, which calls the domain and the stores; nothing calls back up.
 * Extend it once per service, in the service's root package.
 *
 * <p>The layering rules (web, stores, cycles) are frozen: the violations a module had when a rule
 * came are recorded in its {@code src/test/resources/archunit-frozen} and may only go away (the
 * store shrinks as they are fixed); a new one fails the build. The domain rules are not frozen.
 */
public abstract class ServiceArchitectureTests {

    private static final String[] OTHER_SERVICES = {"grid", "member", "wish", "matching", "gateway", "committee", "fieldwork", "apps"};

    private final String root = getClass().getPackageName();
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);

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
    void domain_code_uses_no_other_code_of_the_service_than_domain_code() {
        classes().that().resideInAPackage(root + "..domain..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(root + "..").or(resideInAPackage(root + "..domain..")))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void web_code_is_used_by_no_other_code() {
        FreezingArchRule.freeze(noClasses().that().resideOutsideOfPackage(root + "..web..")
                        .should().dependOnClassesThat().resideInAPackage(root + "..web..")
                        .allowEmptyShould(true))
                .check(classes);
    }

    @Test
    void stores_are_used_by_application_code_only_not_by_controllers_or_the_domain() {
        FreezingArchRule.freeze(noClasses().that().resideInAnyPackage(root + "..web..", root + "..domain..")
                        .should().dependOnClassesThat().resideInAPackage(root + "..persistence..")
                        .allowEmptyShould(true))
                .check(classes);
    }

    @Test
    void feature_packages_do_not_depend_on_each_other_in_a_cycle() {
        FreezingArchRule.freeze(slices().matching(root + ".(*)..").should().beFreeOfCycles()
                        .allowEmptyShould(true))
                .check(classes);
    }

    @Test
    void a_service_does_not_use_another_service_code() {
        for (String service : OTHER_SERVICES) {
            String other = "org.gridgov." + service;
            if (!other.equals(root)) {
                noClasses().should().dependOnClassesThat().resideInAPackage(other + "..")
                        .allowEmptyShould(true)
                        .check(classes);
            }
        }
    }
}
