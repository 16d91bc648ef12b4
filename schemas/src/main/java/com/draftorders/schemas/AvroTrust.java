package com.draftorders.schemas;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes outside its trusted packages. The generated contract classes must be
 * trusted before any record is read; this does it once per JVM, keeping Avro's own defaults.
 */
public final class AvroTrust {

    private static volatile boolean done;

    private AvroTrust() {}

    public static synchronized void trustGeneratedClasses() {
        if (done) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate generated =
                type -> type.getName().startsWith(Topics.AVRO_PACKAGE + ".");
        ClassSecurityValidator.setGlobal(
                ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), generated));
        done = true;
    }
}
