package com.draftorders.draft.domain;

import static com.draftorders.draft.domain.DraftOrderFixtures.NOW;
import static com.draftorders.draft.domain.DraftOrderFixtures.calculation;
import static com.draftorders.draft.domain.DraftOrderFixtures.canceled;
import static com.draftorders.draft.domain.DraftOrderFixtures.completed;
import static com.draftorders.draft.domain.DraftOrderFixtures.completing;
import static com.draftorders.draft.domain.DraftOrderFixtures.invoice;
import static com.draftorders.draft.domain.DraftOrderFixtures.newDraft;
import static com.draftorders.draft.domain.DraftOrderFixtures.readyDraft;
import static com.draftorders.draft.domain.DraftOrderFixtures.unchanged;
import static com.draftorders.draft.domain.DraftOrderFixtures.withQuantity;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Editing, tagging, invoicing, deleting and duplicating drafts, and the timeline they leave. */
class DraftOrderOperationsTest {

    static final Instant LATER = NOW.plusSeconds(60);

    @Nested
    class Updating {

        @Test
        void aContentChangeBumpsBothVersionsAndMakesTheDraftWaitForTheCartAgain() {
            var draft = readyDraft();
            var edit = unchanged(draft);

            var refusal = draft.update(
                    2L,
                    new DraftOrder.Edit(
                            edit.customer(), withQuantity(edit.content(), 3), edit.note(), edit.tags(), edit.details()),
                    LATER);

            assertThat(refusal).isEmpty();
            assertThat(draft.version()).isEqualTo(3);
            assertThat(draft.contentVersion()).isEqualTo(3);
            assertThat(draft.isReady()).isFalse();
            assertThat(draft.pullEvents())
                    .containsExactly(new DraftOrderEvent.ContentChanged(3), new DraftOrderEvent.Updated());
            assertThat(draft.timeline()).last().satisfies(e -> {
                assertThat(e.type()).isEqualTo("updated");
                assertThat(e.summary()).isEqualTo("Edited line_items");
                assertThat(e.version()).isEqualTo(3);
            });
        }

        @Test
        void theDraftIsReadyAgainOnlyWithTotalsForTheNewVersion() {
            var draft = readyDraft();
            var edit = unchanged(draft);
            draft.update(
                    null,
                    new DraftOrder.Edit(
                            edit.customer(), withQuantity(edit.content(), 3), edit.note(), edit.tags(), edit.details()),
                    LATER);

            draft.applyCalculation(calculation(1, 3998), LATER);
            assertThat(draft.isReady()).isFalse();
            draft.applyCalculation(calculation(draft.contentVersion(), 5997), LATER);

            assertThat(draft.isReady()).isTrue();
            assertThat(draft.calculation())
                    .hasValueSatisfying(c -> assertThat(c.totals().totalPrice()).isEqualTo(5997));
        }

        @Test
        void aChangeOfNoteOrDetailsBumpsTheVersionButKeepsTheTotals() {
            var draft = readyDraft();
            var details = new DraftDetails(
                    List.of(new DraftDetails.Metafield("erp", "id", "4711", "single_line_text_field")),
                    List.of(new DraftDetails.CustomAttribute("gift", "yes")),
                    "PO-1",
                    "phone",
                    true,
                    LATER);

            draft.update(
                    null,
                    new DraftOrder.Edit(draft.customer(), draft.content(), "call first", List.of("vip"), details),
                    LATER);

            assertThat(draft.version()).isEqualTo(3);
            assertThat(draft.contentVersion()).isEqualTo(1);
            assertThat(draft.isReady()).isTrue();
            assertThat(draft.details()).isEqualTo(details);
            assertThat(draft.pullEvents()).containsExactly(new DraftOrderEvent.Updated());
            assertThat(draft.timeline())
                    .last()
                    .extracting(TimelineEntry::summary)
                    .isEqualTo(
                            "Edited note, tags, metafields, custom_attributes, po_number, source_name, visible_to_customer,"
                                    + " reserve_inventory_until");
        }

        @Test
        void anEditThatChangesNothingRecordsNothing() {
            var draft = readyDraft();
            int timeline = draft.timeline().size();

            assertThat(draft.update(2L, unchanged(draft), LATER)).isEmpty();

            assertThat(draft.version()).isEqualTo(2);
            assertThat(draft.pullEvents()).isEmpty();
            assertThat(draft.timeline()).hasSize(timeline);
        }

        @Test
        void aStaleExpectedVersionIsRefusedAndChangesNothing() {
            var draft = readyDraft();
            var edit = unchanged(draft);

            var refusal = draft.update(
                    1L,
                    new DraftOrder.Edit(edit.customer(), edit.content(), "new note", edit.tags(), edit.details()),
                    LATER);

            assertThat(refusal).map(Refusal::code).contains(Refusal.Code.VERSION_MISMATCH);
            assertThat(draft.note()).isNull();
            assertThat(draft.version()).isEqualTo(2);
            assertThat(draft.pullEvents()).isEmpty();
        }

        @Test
        void aCompletingCompletedOrCanceledDraftCannotBeEdited() {
            for (DraftOrder draft : List.of(completing(), completed(), canceled())) {
                var edit = unchanged(draft);
                long version = draft.version();

                var refusal = draft.update(
                        null,
                        new DraftOrder.Edit(edit.customer(), edit.content(), "new note", edit.tags(), edit.details()),
                        LATER);

                assertThat(refusal).map(Refusal::code).contains(Refusal.Code.NOT_EDITABLE);
                assertThat(draft.version()).isEqualTo(version);
                assertThat(draft.pullEvents()).isEmpty();
            }
        }

        @Test
        void anInvoicedDraftCanStillBeEdited() {
            var draft = readyDraft();
            draft.sendInvoice(invoice(null), NOW);
            var edit = unchanged(draft);

            var refusal = draft.update(
                    null,
                    new DraftOrder.Edit(edit.customer(), edit.content(), "new note", edit.tags(), edit.details()),
                    LATER);

            assertThat(refusal).isEmpty();
            assertThat(draft.status()).isEqualTo(DraftOrderStatus.INVOICE_SENT);
        }
    }

    @Nested
    class Tags {

        @Test
        void addingTagsAddsOnlyTheMissingOnesIgnoringCase() {
            var draft = readyDraft();
            draft.addTags(List.of("vip"), NOW);
            draft.pullEvents();

            draft.addTags(List.of("VIP", "phone"), LATER);

            assertThat(draft.tags()).containsExactly("vip", "phone");
            assertThat(draft.pullEvents()).containsExactly(new DraftOrderEvent.Updated());
            assertThat(draft.timeline())
                    .last()
                    .extracting(TimelineEntry::summary)
                    .isEqualTo("Tags added: phone");
        }

        @Test
        void addingTagsTheDraftHasIsNoChange() {
            var draft = readyDraft();
            draft.addTags(List.of("vip"), NOW);
            long version = draft.version();
            draft.pullEvents();

            assertThat(draft.addTags(List.of("Vip"), LATER)).isEmpty();

            assertThat(draft.version()).isEqualTo(version);
            assertThat(draft.pullEvents()).isEmpty();
        }

        @Test
        void moreThanTheMaximumOfTagsIsRefused() {
            var draft = readyDraft();
            List<String> many = new ArrayList<>();
            for (int i = 0; i < DraftValidation.MAX_TAGS; i++) {
                many.add("t" + i);
            }
            draft.addTags(many, NOW);

            assertThat(draft.addTags(List.of("one-more"), LATER))
                    .map(Refusal::code)
                    .contains(Refusal.Code.LIMIT_EXCEEDED);
            assertThat(draft.tags()).hasSize(DraftValidation.MAX_TAGS);
        }

        @Test
        void removingTagsRemovesThemIgnoringCaseAndRemovingAbsentOnesIsNoChange() {
            var draft = readyDraft();
            draft.addTags(List.of("vip", "phone"), NOW);
            draft.pullEvents();

            draft.removeTags(List.of("VIP"), LATER);
            long version = draft.version();
            draft.removeTags(List.of("vip", "unknown"), LATER);

            assertThat(draft.tags()).containsExactly("phone");
            assertThat(draft.version()).isEqualTo(version);
            assertThat(draft.pullEvents()).containsExactly(new DraftOrderEvent.Updated());
        }

        @Test
        void aCompletedDraftsTagsCannotChange() {
            assertThat(completed().addTags(List.of("late"), LATER))
                    .map(Refusal::code)
                    .contains(Refusal.Code.NOT_EDITABLE);
        }
    }

    @Nested
    class Invoicing {

        @Test
        void sendingTheInvoiceMarksTheDraftInvoicedAndRecordsTheInvoice() {
            var draft = readyDraft();

            assertThat(draft.sendInvoice(invoice("bob@example.com"), LATER)).isEmpty();

            assertThat(draft.status()).isEqualTo(DraftOrderStatus.INVOICE_SENT);
            assertThat(draft.state().invoiceSentAt()).isEqualTo(LATER);
            assertThat(draft.invoiceUrl()).contains("https://shop.test/invoices/dorder_1?token=t");
            assertThat(draft.pullEvents())
                    .containsExactly(new DraftOrderEvent.InvoiceSent(invoice("bob@example.com"), LATER));
            assertThat(draft.timeline())
                    .last()
                    .extracting(TimelineEntry::summary)
                    .isEqualTo("Invoice sent to bob@example.com");
        }

        @Test
        void withoutARecipientTheInvoiceGoesToTheDraftsEmail() {
            var draft = readyDraft();

            draft.sendInvoice(invoice(null), LATER);

            assertThat(draft.pullEvents())
                    .containsExactly(new DraftOrderEvent.InvoiceSent(invoice("ada@example.com"), LATER));
        }

        @Test
        void withoutAnyRecipientTheInvoiceIsRefused() {
            var draft = readyDraft();
            var edit = unchanged(draft);
            draft.update(
                    null,
                    new DraftOrder.Edit(
                            new DraftOrder.Customer(null, null, null), edit.content(), null, List.of(), edit.details()),
                    NOW);
            draft.pullEvents();

            assertThat(draft.sendInvoice(invoice(null), LATER))
                    .map(Refusal::code)
                    .contains(Refusal.Code.NO_RECIPIENT);
            assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
        }

        @Test
        void aDraftWhoseTotalsAreNotReadyCannotBeInvoiced() {
            var draft = newDraft();

            assertThat(draft.sendInvoice(invoice(null), LATER))
                    .map(Refusal::code)
                    .contains(Refusal.Code.NOT_READY);
            assertThat(draft.pullEvents()).isEmpty();
        }

        @Test
        void anInvoicedDraftCanBeInvoicedAgainAndCompletedAsFromOpen() {
            var draft = readyDraft();
            draft.sendInvoice(invoice(null), NOW);
            draft.pullEvents();

            assertThat(draft.sendInvoice(invoice("bob@example.com"), LATER)).isEmpty();
            assertThat(draft.pullEvents()).hasSize(1);
            assertThat(draft.complete(false, "system", null, LATER)).isEmpty();

            assertThat(draft.status()).isEqualTo(DraftOrderStatus.COMPLETING);
        }

        @Test
        void aFailedCompletionOfAnInvoicedDraftReturnsItToInvoiceSent() {
            var draft = readyDraft();
            draft.sendInvoice(invoice(null), NOW);
            draft.complete(false, "system", null, NOW);

            draft.cartLockRejected(1, "locked elsewhere", LATER);

            assertThat(draft.status()).isEqualTo(DraftOrderStatus.INVOICE_SENT);
        }

        @Test
        void completedOrCanceledDraftsCannotBeInvoiced() {
            assertThat(completed().sendInvoice(invoice(null), LATER))
                    .map(Refusal::code)
                    .contains(Refusal.Code.NOT_EDITABLE);
            assertThat(canceled().sendInvoice(invoice(null), LATER))
                    .map(Refusal::code)
                    .contains(Refusal.Code.NOT_EDITABLE);
        }
    }

    @Nested
    class Deleting {

        @Test
        void deletingMarksTheDraftDeletedOnceWithOneEvent() {
            var draft = readyDraft();

            assertThat(draft.delete(LATER)).isEmpty();
            assertThat(draft.pullEvents()).containsExactly(new DraftOrderEvent.Deleted());
            long version = draft.version();
            assertThat(draft.delete(LATER.plusSeconds(1))).isEmpty();

            assertThat(draft.isDeleted()).isTrue();
            assertThat(draft.deletedAt()).contains(LATER);
            assertThat(draft.version()).isEqualTo(version);
            assertThat(draft.pullEvents()).isEmpty();
        }

        @Test
        void aCanceledDraftCanBeDeleted() {
            var draft = canceled();

            assertThat(draft.delete(LATER)).isEmpty();

            assertThat(draft.isDeleted()).isTrue();
        }

        @Test
        void aCompletingOrCompletedDraftCannotBeDeleted() {
            for (DraftOrder draft : List.of(completing(), completed())) {
                assertThat(draft.delete(LATER)).map(Refusal::code).contains(Refusal.Code.NOT_EDITABLE);
                assertThat(draft.isDeleted()).isFalse();
                assertThat(draft.pullEvents()).isEmpty();
            }
        }

        @Test
        void aDeletedDraftsPendingCompletionIsDropped() {
            var draft = newDraft();
            draft.completeWhenReady(false, "system", null, NOW);
            draft.delete(LATER);

            draft.applyCalculation(calculation(1, 3998), LATER);

            assertThat(draft.status()).isEqualTo(DraftOrderStatus.OPEN);
        }
    }

    @Nested
    class Duplicating {

        @Test
        void aCopyIsANewOpenDraftWithTheSameContentAndNewLineIds() {
            var source = completed();
            var ids = new AtomicInteger();

            var copy = source.duplicate("dorder_2", "#D1002", "cart_2", () -> "li_new_" + ids.incrementAndGet(), LATER);

            assertThat(copy.id()).isEqualTo("dorder_2");
            assertThat(copy.name()).isEqualTo("#D1002");
            assertThat(copy.cartId()).isEqualTo("cart_2");
            assertThat(copy.status()).isEqualTo(DraftOrderStatus.OPEN);
            assertThat(copy.version()).isEqualTo(1);
            assertThat(copy.isReady()).isFalse();
            assertThat(copy.orderId()).isEmpty();
            assertThat(copy.customer()).isEqualTo(source.customer());
            assertThat(copy.content().lineItems()).singleElement().satisfies(line -> {
                assertThat(line.id()).isEqualTo("li_new_1");
                assertThat(line.title()).isEqualTo("Mug");
                assertThat(line.quantity()).isEqualTo(2);
                assertThat(line.price()).isEqualTo(1999);
            });
            assertThat(copy.pullEvents()).containsExactly(new DraftOrderEvent.Created());
            assertThat(copy.timeline()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("created");
                assertThat(e.summary()).isEqualTo("Draft order #D1002 created as a copy of #D1001");
            });
        }
    }

    @Nested
    class Timeline {

        @Test
        void theTimelineTellsTheStoryOfACompletedDraftInOrder() {
            var draft = completed();

            assertThat(draft.timeline())
                    .extracting(TimelineEntry::type)
                    .containsExactly(
                            "created", "totals_calculated", "completion_started", "payment_authorized", "completed");
            assertThat(draft.timeline()).last().satisfies(e -> {
                assertThat(e.summary()).isEqualTo("Completed as order order_1");
                assertThat(e.version()).isEqualTo(draft.version());
            });
        }

        @Test
        void theTimelineKeepsOnlyTheNewestEntries() {
            var draft = readyDraft();
            for (int i = 0; i < DraftOrder.TIMELINE_KEPT + 20; i++) {
                draft.addTags(List.of("t" + i), NOW);
            }

            assertThat(draft.timeline()).hasSize(DraftOrder.TIMELINE_KEPT);
            assertThat(draft.timeline())
                    .last()
                    .extracting(TimelineEntry::summary)
                    .isEqualTo("Tags added: t" + (DraftOrder.TIMELINE_KEPT + 19));
        }

        @Test
        void aRestoredDraftKeepsItsTimelineAndDetails() {
            var draft = readyDraft();
            draft.addTags(List.of("vip"), NOW);

            var restored = DraftOrder.restore(draft.state());

            assertThat(restored.timeline()).isEqualTo(draft.timeline());
            assertThat(restored.state()).isEqualTo(draft.state());
        }
    }
}
