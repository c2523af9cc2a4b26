package org.commitmenttracker.system;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries of architecture.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "org.commitmenttracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sharedEventsKnowNoSpringNorJpa = noClasses()
            .that().resideInAPackage("org.commitmenttracker.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "javax.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule commandServiceDoesNotImportTheQueryService = noClasses()
            .that().resideInAPackage("org.commitmenttracker.command..")
            .should().dependOnClassesThat().resideInAPackage("org.commitmenttracker.query..");

    @ArchTest
    static final ArchRule queryServiceDoesNotImportTheCommandService = noClasses()
            .that().resideInAPackage("org.commitmenttracker.query..")
            .should().dependOnClassesThat().resideInAPackage("org.commitmenttracker.command..");

    @ArchTest
    static final ArchRule eventsDependOnNothingOfTheServices = noClasses()
            .that().resideInAPackage("org.commitmenttracker.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.commitmenttracker.command..",
                    "org.commitmenttracker.query..", "org.commitmenttracker.service..");
}
