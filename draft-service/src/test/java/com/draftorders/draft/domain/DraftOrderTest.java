package com.draftorders.draft.domain;

import static com.draftorders.draft.domain.DraftOrderFixtures.NOW;
import static com.draftorders.draft.domain.DraftOrderFixtures.authorizing;
import static com.draftorders.draft.domain.DraftOrderFixtures.calculation;
import static com.draftorders.draft.domain.DraftOrderFixtures.newDraft;
import static com.draftorders.draft.domain.DraftOrderFixtures.readyDraft;
import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.draft.domain.DraftOrderEvent.CompletionFailed;
import com.draftorders.draft.domain.DraftOrderEvent.CompletionStarted;
import com.draftorders.draft.domain.DraftOrderEvent.OrderCreationRequested;
import com.draftorders.draft.domain.DraftOrderEvent.PaymentAuthorizationRequested;
import org.junit.jupiter.api.Test;

class DraftOrderTest {

    @Test
    void aNewDraftIsOpenAtVersionOneAndNotReadyUntilItsCartHasCalculated() {
        var draft = DraftOrder.create(
                "dorder_1",
                "dev",
                "#D1001",
                "cart_1",
                null,
                null,
                null,
                DraftOrderFixtures.content(),
                null,
                java.util.List.of(),
                DraftDetails.NONE,
                false,
                NOW);

        assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.isReady()).isFalse();
        assertThat(draft.pullEvents()).containsExactly(new DraftOrderEvent.Created());
    }

    @Test
    void totalsForTheCurrentVersionMakeTheDraftReadyOnce() {
        var draft = newDraft();

        draft.applyCalculation(calculation(1, 3998), NOW);
        draft.applyCalculation(calculation(1, 3998), NOW);

        assertThat(draft.isReady()).isTrue();
        assertThat(draft.pullEvents()).containsExactly(new DraftOrderEvent.Updated());
    }

    @Test
    void totalsForAnotherVersionAreIgnored() {
        var draft = newDraft();

        draft.applyCalculation(calculation(7, 3998), NOW);

        assertThat(draft.isReady()).isFalse();
        assertThat(draft.pullEvents()).isEmpty();
    }

    @Test
    void completingADraftThatIsNotReadyIsRefusedAndChangesNothing() {
        var draft = newDraft();
        long version = draft.version();

        var refusal = draft.complete(false, "system", null, NOW);

        assertThat(refusal).map(Refusal::code).contains(Refusal.Code.NOT_READY);
        assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
        assertThat(draft.version()).isEqualTo(version);
        assertThat(draft.pullEvents()).isEmpty();
    }

    @Test
    void completingAReadyDraftLocksTheCartAtItsVersion() {
        var draft = readyDraft();

        assertThat(draft.complete(false, "system", null, NOW)).isEmpty();

        assertThat(draft.status()).isEqualTo(DraftOrderStatus.COMPLETING);
        assertThat(draft.pullEvents()).containsExactly(new CompletionStarted(1, 1, false, "system"));
    }

    @Test
    void aSecondCompletionWhileCompletingIsRefused() {
        var draft = readyDraft();
        draft.complete(false, "system", null, NOW);

        assertThat(draft.complete(false, "system", null, NOW))
                .map(Refusal::code)
                .contains(Refusal.Code.ALREADY_COMPLETING);
    }

    @Test
    void aCompletionAskedForBeforeTheTotalsStartsWhenTheyArrive() {
        var draft = newDraft();

        assertThat(draft.completeWhenReady(true, "system", null, NOW)).isEmpty();
        assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
        draft.applyCalculation(calculation(1, 3998), NOW);

        assertThat(draft.status()).isEqualTo(DraftOrderStatus.COMPLETING);
        assertThat(draft.pullEvents()).contains(new CompletionStarted(1, 1, true, "system"));
    }

    @Test
    void paymentTermsLeaveThePaymentPendingEvenWhenNotAskedExplicitly() {
        var draft = readyDraft();

        assertThat(draft.complete(false, "system", new PaymentTerms(30, null), NOW))
                .isEmpty();

        assertThat(draft.pullEvents()).containsExactly(new CompletionStarted(1, 1, true, "system"));
    }

    @Test
    void theLockedCartLeadsToAnAuthorizationForItsTotal() {
        var draft = readyDraft();
        draft.complete(false, "test", null, NOW);
        draft.pullEvents();

        draft.cartLocked(1, 1, 3998, "pay_1", null, NOW);

        assertThat(draft.pullEvents())
                .containsExactly(new PaymentAuthorizationRequested(1, "pay_1", 3998, "EUR", "test"));
    }

    @Test
    void aCartLockedReplyOfAnotherAttemptIsIgnored() {
        var draft = readyDraft();
        draft.complete(false, "system", null, NOW);
        draft.pullEvents();

        draft.cartLocked(2, 1, 3998, "pay_1", null, NOW);

        assertThat(draft.pullEvents()).isEmpty();
    }

    @Test
    void anAuthorizedPaymentLeadsToTheOrderAndTheOrderCompletesTheDraft() {
        var draft = authorizing();

        draft.paymentAuthorized("pay_1", NOW);
        assertThat(draft.pullEvents()).containsExactly(new OrderCreationRequested(1, "pay_1", false, null));
        draft.orderCreated("order_1", "pay_1", NOW);

        assertThat(draft.status()).isEqualTo(DraftOrderStatus.COMPLETED);
        assertThat(draft.orderId()).contains("order_1");
        assertThat(draft.pullEvents()).containsExactly(new DraftOrderEvent.Completed("order_1"));
    }

    @Test
    void aDeclinedPaymentUnlocksTheCartAndReopensTheDraftWithTheReason() {
        var draft = authorizing();

        draft.paymentAuthorizationFailed("pay_1", "card_declined", "declined by the test gateway", NOW);

        assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
        assertThat(draft.completionFailureReason())
                .hasValueSatisfying(r -> assertThat(r).contains("card_declined"));
        assertThat(draft.pullEvents())
                .first()
                .isEqualTo(new CompletionFailed(
                        1,
                        "authorize_payment",
                        "payment declined (card_declined): declined by the test gateway",
                        null,
                        true));
    }

    @Test
    void aFailedOrderCreationVoidsTheAuthorizationBeforeReopening() {
        var draft = authorizing();
        draft.paymentAuthorized("pay_1", NOW);
        draft.pullEvents();

        draft.orderCreationFailed("cart is empty", NOW);

        assertThat(draft.pullEvents()).first().satisfies(e -> {
            var failed = (CompletionFailed) e;
            assertThat(failed.paymentIdToVoid()).isEqualTo("pay_1");
            assertThat(failed.unlockCart()).isTrue();
        });
        assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
    }

    @Test
    void anAuthorizationNoAttemptWaitsForIsVoided() {
        var draft = readyDraft();

        draft.paymentAuthorized("pay_stray", NOW);

        assertThat(draft.pullEvents()).containsExactly(new DraftOrderEvent.StrayPaymentVoidRequested("pay_stray"));
    }

    @Test
    void aCompletedDraftCannotBeCanceledAndACanceledOneCannotBeCompleted() {
        var completed = authorizing();
        completed.paymentAuthorized("pay_1", NOW);
        completed.orderCreated("order_1", "pay_1", NOW);
        var canceled = readyDraft();
        canceled.cancel("customer changed their mind", NOW);

        assertThat(completed.cancel(null, NOW)).map(Refusal::code).contains(Refusal.Code.NOT_EDITABLE);
        assertThat(canceled.complete(false, "system", null, NOW))
                .map(Refusal::code)
                .contains(Refusal.Code.CANCELED);
    }

    @Test
    void aRedeliveredOrderCreatedChangesNothing() {
        var draft = authorizing();
        draft.paymentAuthorized("pay_1", NOW);
        draft.orderCreated("order_1", "pay_1", NOW);
        draft.pullEvents();
        long version = draft.version();

        draft.orderCreated("order_1", "pay_1", NOW);

        assertThat(draft.version()).isEqualTo(version);
        assertThat(draft.pullEvents()).isEmpty();
    }
}
