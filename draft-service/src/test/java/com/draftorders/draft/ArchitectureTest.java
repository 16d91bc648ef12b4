package com.draftorders.draft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.draftorders.draft", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainKnowsNoFrameworks = noClasses()
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
                    "com.fasterxml..");

    @ArchTest
    static final ArchRule theDomainDependsOnNoAdapter = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..", "..messaging..", "..persistence..", "..application..");
}
