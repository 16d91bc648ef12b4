package com.draftorders.draft.domain;

import static com.draftorders.draft.domain.DraftOrderFixtures.NOW;
import static com.draftorders.draft.domain.DraftOrderFixtures.authorizing;
import static com.draftorders.draft.domain.DraftOrderFixtures.readyDraft;
import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.draft.domain.DraftOrderEvent.CartLockRequested;
import com.draftorders.draft.domain.DraftOrderEvent.CompletionFailed;
import com.draftorders.draft.domain.DraftOrderEvent.OrderCreationRequested;
import com.draftorders.draft.domain.DraftOrderEvent.PaymentAuthorizationRequested;
import org.junit.jupiter.api.Test;

class CompletionDeadlineTest {

    @Test
    void anOverdueLockIsSentAgainUntilTheLastTryAndThenTheDraftReopensWithTheCartUnlocked() {
        var draft = readyDraft();
        draft.complete(false, "system", null, NOW);
        draft.pullEvents();

        draft.completionStepOverdue(3, NOW);
        draft.completionStepOverdue(3, NOW);
        assertThat(draft.pullEvents()).containsExactly(new CartLockRequested(1, 1), new CartLockRequested(1, 1));
        draft.completionStepOverdue(3, NOW);

        assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
        assertThat(draft.completionFailureReason()).contains("no reply to lock_cart after 3 tries");
        assertThat(draft.pullEvents())
                .first()
                .isEqualTo(new CompletionFailed(1, "lock_cart", "no reply to lock_cart after 3 tries", null, true));
    }

    @Test
    void anOverdueAuthorizationIsRetriedWithTheSamePaymentAndThenCompensatedByAVoid() {
        var draft = authorizing();

        draft.completionStepOverdue(2, NOW);
        assertThat(draft.pullEvents())
                .containsExactly(new PaymentAuthorizationRequested(1, "pay_1", 3998, "EUR", "system"));
        draft.completionStepOverdue(2, NOW);

        var failed = (CompletionFailed) draft.pullEvents().get(0);
        assertThat(failed.paymentIdToVoid()).isEqualTo("pay_1");
        assertThat(failed.unlockCart()).isTrue();
        assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
    }

    @Test
    void anOverdueOrderCreationIsAskedForAgainAndNeverCompensated() {
        var draft = authorizing();
        draft.paymentAuthorized("pay_1", NOW);
        draft.pullEvents();

        for (int i = 0; i < 10; i++) {
            draft.completionStepOverdue(2, NOW);
        }

        assertThat(draft.status()).isEqualTo(DraftOrderStatus.COMPLETING);
        assertThat(draft.pullEvents())
                .hasSize(10)
                .allMatch(e -> e.equals(new OrderCreationRequested(1, "pay_1", false, null)));
    }

    @Test
    void aDraftThatIsNotCompletingHasNoDeadline() {
        var draft = readyDraft();
        long version = draft.version();

        draft.completionStepOverdue(1, NOW);

        assertThat(draft.version()).isEqualTo(version);
        assertThat(draft.pullEvents()).isEmpty();
    }
}
