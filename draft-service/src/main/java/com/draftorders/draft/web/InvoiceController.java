package com.draftorders.draft.web;

import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.web.DraftOrderJson.PublicInvoiceResponse;
import com.draftorders.messaging.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public invoice view behind an invoice link: no store header and no login, the signed token is the credential.
 * It shows only the name, status, lines and totals. A tampered or expired token is 403 {@code invalid_token}.
 */
@RestController
@RequestMapping("/invoices")
public class InvoiceController {

    private final DraftOrderService drafts;

    public InvoiceController(DraftOrderService drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/{draftId}")
    public ResponseEntity<PublicInvoiceResponse> invoice(
            @PathVariable String draftId, @RequestParam(required = false) String token) {
        if (!drafts.invoiceTokenValid(draftId, token)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "invalid_token", "the invoice link is invalid or has expired");
        }
        var draft = drafts.findByInvoiceToken(draftId, token)
                .orElseThrow(() -> ApiException.notFound("invoice " + draftId));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .body(new PublicInvoiceResponse(DraftOrderWebMapping.publicInvoice(draft)));
    }
}
