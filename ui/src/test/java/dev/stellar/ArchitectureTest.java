package dev.stellar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module directions and the rules workflow code lives by. */
class ArchitectureTest {

    private static JavaClasses stellar;

    @BeforeAll
    static void importClasses() {
        // the sibling modules arrive as jars (verify) or as class folders (test); both are imported
        stellar = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stellar");
    }

    @Test
    void importsEveryModule() {
        for (String module : new String[] {"workflows", "playbooks", "connectors", "workers", "ui"}) {
            org.assertj.core.api.Assertions.assertThat(stellar.stream()
                    .anyMatch(c -> c.getPackageName().startsWith("dev.stellar." + module))).as(module).isTrue();
        }
    }

    @Test
    void workflowsAndPlaybooksDependOnNothingOfOurs() {
        rule(noClasses().that().resideInAPackage("dev.stellar.workflows..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.stellar.playbooks..", "dev.stellar.connectors..", "dev.stellar.workers..", "dev.stellar.ui.."));
        rule(noClasses().that().resideInAPackage("dev.stellar.playbooks..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.stellar.workflows..", "dev.stellar.connectors..", "dev.stellar.workers..", "dev.stellar.ui.."));
    }

    @Test
    void dependenciesPointFromUiTowardsTheCore() {
        rule(noClasses().that().resideInAPackage("dev.stellar.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stellar.workers..", "dev.stellar.ui.."));
        rule(noClasses().that().resideInAPackage("dev.stellar.workers..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stellar.ui.."));
    }

    @Test
    void workflowCodeIsDeterministic() {
        rule(noClasses().that().resideInAPackage("dev.stellar.workflows..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "java.net..", "java.net.http..",
                        "java.io..", "java.nio.file..", "okhttp3..", "org.apache.http..")
                .because("workflow code does no I/O: it runs in activities"));
        rule(noClasses().that().resideInAPackage("dev.stellar.workflows..")
                .should().accessClassesThat().areAssignableTo(Clock.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().accessClassesThat().areAssignableTo(java.util.concurrent.ThreadLocalRandom.class)
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .because("workflow time, ids and randomness come from Workflow.*, configuration from the input"));
        rule(noClasses().that().resideInAPackage("dev.stellar.workflows..")
                .should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.Executor.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent.locks..")
                .because("workflow code runs on Temporal's threads: Async and Promise, not threads or locks"));
    }

    private static void rule(ArchRule rule) {
        rule.check(stellar);
    }
}
