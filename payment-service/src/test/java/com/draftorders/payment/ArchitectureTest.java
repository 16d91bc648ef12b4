package com.draftorders.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.draftorders.payment");

    @Test
    void theDomainIsPlainJavaWithoutFrameworksMessagingOrStorage() {
        noClasses()
                .that()
                .resideInAPackage("..payment.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "org.apache.avro..",
                        "com.draftorders.avro..",
                        "com.draftorders.messaging..",
                        "tools.jackson..",
                        "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void theDomainDependsOnNoAdapter() {
        noClasses()
                .that()
                .resideInAPackage("..payment.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..payment.messaging..",
                        "..payment.persistence..",
                        "..payment.web..",
                        "..payment.config..",
                        "..payment.providers..")
                .check(CLASSES);
    }
}
