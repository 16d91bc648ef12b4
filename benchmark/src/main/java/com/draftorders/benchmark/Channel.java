package com.draftorders.benchmark;

/** How a completion is requested: as an upstream channel over Kafka, or as a merchant over REST. */
interface Channel extends AutoCloseable {

    String name();

    /** Starts the completion: creates the draft (and, over Kafka, asks right away for its completion). */
    void begin(Completion completion);

    /** The tracker saw the draft become ready (totals calculated). */
    void onReady(Completion completion, String draftId);

    @Override
    void close();
}
