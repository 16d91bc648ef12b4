package com.draftorders.draft.domain;

/**
 * An invoice to send: recipient ({@code to}; null means the draft's email), sender, subject, message and the signed
 * link to the public invoice view.
 */
public record Invoice(String to, String from, String subject, String customMessage, String url) {

    Invoice to(String recipient) {
        return new Invoice(recipient, from, subject, customMessage, url);
    }
}
