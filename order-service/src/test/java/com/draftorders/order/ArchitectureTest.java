package com.draftorders.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.draftorders.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainKnowsNoFrameworkNoWireFormatAndNoDatabase = noClasses()
            .that()
            .resideInAPackage("..order.domain..")
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
                    "com.fasterxml..");

    @ArchTest
    static final ArchRule theDomainDependsOnNoAdapter = noClasses()
            .that()
            .resideInAPackage("..order.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..order.web..", "..order.messaging..", "..order.persistence..");

    @ArchTest
    static final ArchRule theWebLayerDoesNotTalkToKafka = noClasses()
            .that()
            .resideInAPackage("..order.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..order.messaging..", "org.apache.kafka..", "com.draftorders.avro..");
}
