package com.draftorders.cart.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: no framework, transport, storage or serialization types. */
@AnalyzeClasses(packages = "com.draftorders.cart", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNoInfrastructure = noClasses()
            .that()
            .resideInAPackage("..domain..")
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
                    "com.fasterxml..",
                    "org.slf4j..");

    @ArchTest
    static final ArchRule domainDoesNotKnowItsAdapters = noClasses()
            .that()
            .resideInAPackage("..cart.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..cart.messaging..", "..cart.persistence..", "..cart.web..", "..cart.config..");

    @ArchTest
    static final ArchRule onlyTheMessagingAdapterSpeaksAvro = noClasses()
            .that()
            .resideInAnyPackage("..cart.persistence..", "..cart.web..", "..cart.config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.draftorders.avro..");
}
