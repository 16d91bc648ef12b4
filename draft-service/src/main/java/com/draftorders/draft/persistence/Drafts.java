package com.draftorders.draft.persistence;

import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.Completion;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftDetails;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftOrderStatus;
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.draft.domain.TimelineEntry;
import com.draftorders.draft.messaging.DraftMessages;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.work.AggregateType;
import com.draftorders.messaging.work.Bson;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.springframework.stereotype.Component;

/**
 * Drafts in MongoDB (collection {@value #COLLECTION}), one document each, written by the unit of work with a codec
 * written for it (no reflective mapping):
 *
 * <pre>
 * { _id, version, outbox, processed,                     ← the unit of work's
 *   storeId, status, createdAt, updatedAt, deleted,      ← for the list's filters and sort orders
 *   channelReference, nameLower, emailLower, tagsLower,
 *   draft: { name, cartId, ..., content, calculation, completion, timeline } }
 * </pre>
 *
 * The top-level fields are the ones queries use; {@code channelReference} ({@code store:channel:reference}, only for
 * drafts from an upstream channel) has a unique index, so a channel's request finds its draft by it. A deleted draft
 * stays as a tombstone ({@code deleted: true}) that every read filters out.
 */
@Component
public class Drafts implements AggregateType<DraftOrder> {

    public static final String COLLECTION = "draft_orders";
    public static final String CHANNEL_REFERENCE = "channelReference";

    private final DraftMessages messages;

    public Drafts(DraftMessages messages) {
        this.messages = messages;
    }

    /** The channel reference of a draft an upstream channel created: unique per store and channel. */
    public static String channelReference(String storeId, String channel, String externalReference) {
        return storeId + ":" + channel + ":" + externalReference;
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public String idOf(DraftOrder draft) {
        return draft.id();
    }

    @Override
    public String storeIdOf(DraftOrder draft) {
        return draft.storeId();
    }

    @Override
    public long versionOf(DraftOrder draft) {
        return draft.version();
    }

    @Override
    public List<OutgoingMessage> messages(DraftOrder draft, Correlation cause) {
        return messages.messagesFor(draft, draft.pullEvents(), cause);
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
                new IndexModel(
                        Indexes.ascending(CHANNEL_REFERENCE),
                        new IndexOptions()
                                .name("channel_reference")
                                .unique(true)
                                .sparse(true)),
                new IndexModel(
                        Indexes.compoundIndex(Indexes.ascending("storeId"), Indexes.descending("createdAt", "_id")),
                        new IndexOptions().name("store_created")),
                new IndexModel(
                        Indexes.compoundIndex(Indexes.ascending("storeId"), Indexes.descending("updatedAt", "_id")),
                        new IndexOptions().name("store_updated")),
                new IndexModel(Indexes.ascending("storeId", "emailLower"), new IndexOptions().name("store_email")),
                new IndexModel(Indexes.ascending("storeId", "tagsLower"), new IndexOptions().name("store_tags")),
                new IndexModel(Indexes.ascending("status"), new IndexOptions().name("status")));
    }

    @Override
    public void write(DraftOrder draft, BsonWriter writer) {
        DraftOrder.State s = draft.state();
        Bson.fields(writer)
                .string("storeId", s.storeId())
                .string("status", s.status().name())
                .instant("createdAt", s.createdAt())
                .instant("updatedAt", s.updatedAt())
                .flag("deleted", s.deletedAt() != null)
                .string(
                        CHANNEL_REFERENCE,
                        s.channel() != null && s.externalReference() != null
                                ? channelReference(s.storeId(), s.channel(), s.externalReference())
                                : null)
                .string("nameLower", lower(s.name()))
                .string(
                        "emailLower",
                        s.customer() == null ? null : lower(s.customer().email()))
                .strings(
                        "tagsLower",
                        s.tags() == null
                                ? null
                                : s.tags().stream().map(Drafts::lower).toList())
                .document("draft", s, Drafts::writeState);
    }

    private static void writeState(DraftOrder.State s, Bson.Fields out) {
        out.string("name", s.name())
                .string("cartId", s.cartId())
                .string("channel", s.channel())
                .string("externalReference", s.externalReference())
                .int64("version", s.version())
                .int64("contentVersion", s.contentVersion())
                .document(
                        "customer",
                        s.customer(),
                        (c, o) -> o.string("email", c.email())
                                .string("phone", c.phone())
                                .string("customerId", c.customerId()))
                .document("content", s.content(), Drafts::writeContent)
                .document("calculation", s.calculation(), Drafts::writeCalculation)
                .string("note", s.note())
                .strings("tags", s.tags())
                .flag("noNotificationOrder", s.noNotificationOrder())
                .string("orderId", s.orderId())
                .string("completionFailureReason", s.completionFailureReason())
                .document("completion", s.completion(), Drafts::writeCompletion)
                .int32("completionAttempts", s.completionAttempts())
                .document(
                        "pendingCompletion",
                        s.pendingCompletion(),
                        (p, o) -> o.flag("paymentPending", p.paymentPending())
                                .string("paymentGateway", p.paymentGateway())
                                .document("paymentTerms", p.paymentTerms(), Drafts::writeTerms))
                .instant("completedAt", s.completedAt())
                .instant("canceledAt", s.canceledAt())
                .instant("invoiceSentAt", s.invoiceSentAt())
                .document("details", s.details(), Drafts::writeDetails)
                .string("invoiceUrl", s.invoiceUrl())
                .instant("deletedAt", s.deletedAt())
                .documents(
                        "timeline",
                        s.timeline(),
                        (t, o) -> o.string("type", t.type())
                                .instant("at", t.at())
                                .string("summary", t.summary())
                                .int64("version", t.version()));
    }

    static void writeContent(DraftContent c, Bson.Fields out) {
        out.string("currency", c.currency())
                .documents("lineItems", c.lineItems(), Drafts::writeLine)
                .document("appliedDiscount", c.appliedDiscount(), Drafts::writeDiscount)
                .document(
                        "shippingLine",
                        c.shippingLine(),
                        (l, o) -> o.string("title", l.title())
                                .int64("price", l.price())
                                .string("code", l.code()))
                .document("shippingAddress", c.shippingAddress(), Drafts::writeAddress)
                .document("billingAddress", c.billingAddress(), Drafts::writeAddress)
                .flag("taxesIncluded", c.taxesIncluded())
                .flag("taxExempt", c.taxExempt())
                .string("presentmentCurrency", c.presentmentCurrency())
                .string("exchangeRate", c.exchangeRate())
                .strings("discountCodes", c.discountCodes());
    }

    private static void writeLine(DraftContent.LineItem l, Bson.Fields out) {
        out.string("id", l.id())
                .string("variantId", l.variantId())
                .string("productId", l.productId())
                .string("sku", l.sku())
                .string("title", l.title())
                .string("variantTitle", l.variantTitle())
                .int32("quantity", l.quantity())
                .int64("price", l.price())
                .int64("originalPrice", l.originalPrice())
                .int64("grams", l.grams())
                .bool("taxable", l.taxable())
                .bool("requiresShipping", l.requiresShipping())
                .document("appliedDiscount", l.appliedDiscount(), Drafts::writeDiscount);
    }

    private static void writeDiscount(DraftContent.AppliedDiscount d, Bson.Fields out) {
        out.string("title", d.title())
                .string("description", d.description())
                .string(
                        "valueType",
                        d.valueType() == null ? null : d.valueType().name())
                .string("percentage", d.percentage())
                .int64("fixedAmount", d.fixedAmount());
    }

    private static void writeAddress(DraftContent.Address a, Bson.Fields out) {
        out.string("firstName", a.firstName())
                .string("lastName", a.lastName())
                .string("company", a.company())
                .string("address1", a.address1())
                .string("address2", a.address2())
                .string("city", a.city())
                .string("provinceCode", a.provinceCode())
                .string("countryCode", a.countryCode())
                .string("zip", a.zip())
                .string("phone", a.phone());
    }

    private static void writeCalculation(CartCalculation c, Bson.Fields out) {
        out.int64("draftVersion", c.draftVersion())
                .document(
                        "totals",
                        c.totals(),
                        (t, o) -> o.int64("lineItemsSubtotalPrice", t.lineItemsSubtotalPrice())
                                .int64("totalDiscounts", t.totalDiscounts())
                                .int64("subtotalPrice", t.subtotalPrice())
                                .int64("totalShippingPrice", t.totalShippingPrice())
                                .int64("totalTax", t.totalTax())
                                .int64("totalPrice", t.totalPrice())
                                .int32("totalQuantity", t.totalQuantity())
                                .int64("totalWeight", t.totalWeight()))
                .documents(
                        "lines",
                        c.lines(),
                        (l, o) -> o.string("lineItemId", l.lineItemId())
                                .int64("discountAmount", l.discountAmount())
                                .documents("taxLines", l.taxLines(), Drafts::writeTaxLine)
                                .int64("discountedTotal", l.discountedTotal()))
                .int64("orderDiscountAmount", c.orderDiscountAmount())
                .documents("shippingTaxLines", c.shippingTaxLines(), Drafts::writeTaxLine)
                .documents("taxLines", c.taxLines(), Drafts::writeTaxLine)
                .document("presentment", c.presentment(), Drafts::writePresentment)
                .documents(
                        "appliedDiscountCodes",
                        c.appliedDiscountCodes(),
                        (a, o) -> o.string("code", a.code())
                                .string("title", a.title())
                                .string("description", a.description())
                                .string(
                                        "valueType",
                                        a.valueType() == null
                                                ? null
                                                : a.valueType().name())
                                .string("percentage", a.percentage())
                                .int64("fixedAmount", a.fixedAmount())
                                .int64("amount", a.amount())
                                .int64("presentmentAmount", a.presentmentAmount()))
                .documents(
                        "warnings",
                        c.warnings(),
                        (w, o) -> o.string("code", w.code())
                                .string("field", w.field())
                                .string("message", w.message())
                                .string("discountCode", w.discountCode()));
    }

    private static void writeTaxLine(CartCalculation.TaxLine t, Bson.Fields out) {
        out.string("title", t.title()).string("rate", t.rate()).int64("price", t.price());
    }

    private static void writePresentment(CartCalculation.Presentment p, Bson.Fields out) {
        out.string("currency", p.currency())
                .string("exchangeRate", p.exchangeRate())
                .document(
                        "totals",
                        p.totals(),
                        (t, o) -> o.int64("lineItemsSubtotalPrice", t.lineItemsSubtotalPrice())
                                .int64("totalDiscounts", t.totalDiscounts())
                                .int64("subtotalPrice", t.subtotalPrice())
                                .int64("totalShippingPrice", t.totalShippingPrice())
                                .int64("totalTax", t.totalTax())
                                .int64("totalPrice", t.totalPrice()))
                .documents(
                        "lines",
                        p.lines(),
                        (l, o) -> o.string("lineItemId", l.lineItemId())
                                .int64("price", l.price())
                                .int64("discountAmount", l.discountAmount())
                                .int64("discountedTotal", l.discountedTotal())
                                .longs("taxLines", l.taxLines()))
                .int64("orderDiscountAmount", p.orderDiscountAmount())
                .int64("shippingPrice", p.shippingPrice())
                .longs("shippingTaxLines", p.shippingTaxLines())
                .longs("taxLines", p.taxLines());
    }

    private static void writeCompletion(Completion c, Bson.Fields out) {
        out.int32("attempt", c.attempt())
                .flag("paymentPending", c.paymentPending())
                .string("paymentGateway", c.paymentGateway())
                .document("paymentTerms", c.paymentTerms(), Drafts::writeTerms)
                .string("paymentId", c.paymentId())
                .string("step", c.step().name())
                .instant("stepStartedAt", c.stepStartedAt())
                .flag("paymentAuthorized", c.paymentAuthorized())
                .int32("tries", c.tries())
                .bytes("cartSnapshot", c.cartSnapshot());
    }

    private static void writeTerms(PaymentTerms t, Bson.Fields out) {
        out.int64("netDays", t.netDays() == null ? null : t.netDays().longValue())
                .instant("dueAt", t.dueAt());
    }

    private static void writeDetails(DraftDetails d, Bson.Fields out) {
        out.documents(
                        "metafields",
                        d.metafields(),
                        (m, o) -> o.string("namespace", m.namespace())
                                .string("key", m.key())
                                .string("value", m.value())
                                .string("type", m.type()))
                .documents(
                        "customAttributes",
                        d.customAttributes(),
                        (a, o) -> o.string("key", a.key()).string("value", a.value()))
                .string("poNumber", d.poNumber())
                .string("sourceName", d.sourceName())
                .flag("visibleToCustomer", d.visibleToCustomer())
                .instant("reserveInventoryUntil", d.reserveInventoryUntil())
                .documents(
                        "localizedFields",
                        d.localizedFields(),
                        (f, o) -> o.string("key", f.key())
                                .string("value", f.value())
                                .string("countryCode", f.countryCode()))
                .flag("allowDiscountCodesInCheckout", d.allowDiscountCodesInCheckout())
                .document(
                        "purchasingEntity",
                        d.purchasingEntity(),
                        (p, o) -> o.string("customerId", p.customerId())
                                .string("companyId", p.companyId())
                                .string("companyLocationId", p.companyLocationId())
                                .string("companyContactId", p.companyContactId()));
    }

    @Override
    public DraftOrder read(BsonReader reader) {
        var top = new Object() {
            String id;
            String storeId;
            DraftOrderStatus status;
            Instant createdAt;
            Instant updatedAt;
            StateFields state = new StateFields();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "_id" -> top.id = in.readString();
                case "storeId" -> top.storeId = in.readString();
                case "status" -> top.status = DraftOrderStatus.valueOf(in.readString());
                case "createdAt" -> top.createdAt = Bson.readInstant(in);
                case "updatedAt" -> top.updatedAt = Bson.readInstant(in);
                case "draft" -> top.state.read(in);
                default -> in.skipValue();
            }
        });
        return DraftOrder.restore(top.state.toState(top.id, top.storeId, top.status, top.createdAt, top.updatedAt));
    }

    /** The fields of the {@code draft} sub-document, as read. */
    private static final class StateFields {
        String name;
        String cartId;
        String channel;
        String externalReference;
        long version;
        long contentVersion;
        DraftOrder.Customer customer;
        DraftContent content;
        CartCalculation calculation;
        String note;
        List<String> tags = List.of();
        boolean noNotificationOrder;
        String orderId;
        String completionFailureReason;
        Completion completion;
        int completionAttempts;
        DraftOrder.PendingCompletion pendingCompletion;
        Instant completedAt;
        Instant canceledAt;
        Instant invoiceSentAt;
        DraftDetails details = DraftDetails.NONE;
        String invoiceUrl;
        Instant deletedAt;
        List<TimelineEntry> timeline = List.of();

        void read(BsonReader reader) {
            Bson.readDocument(reader, (name, in) -> {
                switch (name) {
                    case "name" -> this.name = in.readString();
                    case "cartId" -> cartId = in.readString();
                    case "channel" -> channel = in.readString();
                    case "externalReference" -> externalReference = in.readString();
                    case "version" -> version = Bson.readLong(in);
                    case "contentVersion" -> contentVersion = Bson.readLong(in);
                    case "customer" -> customer = readCustomer(in);
                    case "content" -> content = readContent(in);
                    case "calculation" -> calculation = readCalculation(in);
                    case "note" -> note = in.readString();
                    case "tags" -> tags = Bson.readStrings(in);
                    case "noNotificationOrder" -> noNotificationOrder = in.readBoolean();
                    case "orderId" -> orderId = in.readString();
                    case "completionFailureReason" -> completionFailureReason = in.readString();
                    case "completion" -> completion = readCompletion(in);
                    case "completionAttempts" -> completionAttempts = Bson.readInt(in);
                    case "pendingCompletion" -> pendingCompletion = readPending(in);
                    case "completedAt" -> completedAt = Bson.readInstant(in);
                    case "canceledAt" -> canceledAt = Bson.readInstant(in);
                    case "invoiceSentAt" -> invoiceSentAt = Bson.readInstant(in);
                    case "details" -> details = readDetails(in);
                    case "invoiceUrl" -> invoiceUrl = in.readString();
                    case "deletedAt" -> deletedAt = Bson.readInstant(in);
                    case "timeline" -> timeline = Bson.readList(in, Drafts::readTimelineEntry);
                    default -> in.skipValue();
                }
            });
        }

        DraftOrder.State toState(
                String id, String storeId, DraftOrderStatus status, Instant createdAt, Instant updatedAt) {
            return new DraftOrder.State(
                    id,
                    storeId,
                    name,
                    cartId,
                    channel,
                    externalReference,
                    createdAt,
                    status,
                    version,
                    contentVersion,
                    customer,
                    content,
                    calculation,
                    note,
                    tags,
                    noNotificationOrder,
                    orderId,
                    completionFailureReason,
                    completion,
                    completionAttempts,
                    pendingCompletion,
                    updatedAt,
                    completedAt,
                    canceledAt,
                    invoiceSentAt,
                    details,
                    invoiceUrl,
                    deletedAt,
                    timeline);
        }
    }

    static DraftOrder.Customer readCustomer(BsonReader reader) {
        var c = new Object() {
            String email;
            String phone;
            String customerId;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "email" -> c.email = in.readString();
                case "phone" -> c.phone = in.readString();
                case "customerId" -> c.customerId = in.readString();
                default -> in.skipValue();
            }
        });
        return new DraftOrder.Customer(c.email, c.phone, c.customerId);
    }

    static DraftContent readContent(BsonReader reader) {
        var c = new Object() {
            String currency;
            List<DraftContent.LineItem> lineItems = List.of();
            DraftContent.AppliedDiscount appliedDiscount;
            DraftContent.ShippingLine shippingLine;
            DraftContent.Address shippingAddress;
            DraftContent.Address billingAddress;
            boolean taxesIncluded;
            boolean taxExempt;
            String presentmentCurrency;
            String exchangeRate;
            List<String> discountCodes = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "currency" -> c.currency = in.readString();
                case "lineItems" -> c.lineItems = Bson.readList(in, Drafts::readLine);
                case "appliedDiscount" -> c.appliedDiscount = readDiscount(in);
                case "shippingLine" -> c.shippingLine = readShippingLine(in);
                case "shippingAddress" -> c.shippingAddress = readAddress(in);
                case "billingAddress" -> c.billingAddress = readAddress(in);
                case "taxesIncluded" -> c.taxesIncluded = in.readBoolean();
                case "taxExempt" -> c.taxExempt = in.readBoolean();
                case "presentmentCurrency" -> c.presentmentCurrency = in.readString();
                case "exchangeRate" -> c.exchangeRate = in.readString();
                case "discountCodes" -> c.discountCodes = Bson.readStrings(in);
                default -> in.skipValue();
            }
        });
        return new DraftContent(
                c.currency,
                c.lineItems,
                c.appliedDiscount,
                c.shippingLine,
                c.shippingAddress,
                c.billingAddress,
                c.taxesIncluded,
                c.taxExempt,
                c.presentmentCurrency,
                c.exchangeRate,
                c.discountCodes);
    }

    private static DraftContent.LineItem readLine(BsonReader reader) {
        var l = new Object() {
            String id;
            String variantId;
            String productId;
            String sku;
            String title;
            String variantTitle;
            int quantity;
            long price;
            Long originalPrice;
            long grams;
            boolean taxable = true;
            boolean requiresShipping = true;
            DraftContent.AppliedDiscount appliedDiscount;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "id" -> l.id = in.readString();
                case "variantId" -> l.variantId = in.readString();
                case "productId" -> l.productId = in.readString();
                case "sku" -> l.sku = in.readString();
                case "title" -> l.title = in.readString();
                case "variantTitle" -> l.variantTitle = in.readString();
                case "quantity" -> l.quantity = Bson.readInt(in);
                case "price" -> l.price = Bson.readLong(in);
                case "originalPrice" -> l.originalPrice = Bson.readLong(in);
                case "grams" -> l.grams = Bson.readLong(in);
                case "taxable" -> l.taxable = in.readBoolean();
                case "requiresShipping" -> l.requiresShipping = in.readBoolean();
                case "appliedDiscount" -> l.appliedDiscount = readDiscount(in);
                default -> in.skipValue();
            }
        });
        return new DraftContent.LineItem(
                l.id,
                l.variantId,
                l.productId,
                l.sku,
                l.title,
                l.variantTitle,
                l.quantity,
                l.price,
                l.originalPrice,
                l.grams,
                l.taxable,
                l.requiresShipping,
                l.appliedDiscount);
    }

    private static DraftContent.AppliedDiscount readDiscount(BsonReader reader) {
        var d = new Object() {
            String title;
            String description;
            DraftContent.DiscountType valueType;
            String percentage;
            Long fixedAmount;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "title" -> d.title = in.readString();
                case "description" -> d.description = in.readString();
                case "valueType" -> d.valueType = DraftContent.DiscountType.valueOf(in.readString());
                case "percentage" -> d.percentage = in.readString();
                case "fixedAmount" -> d.fixedAmount = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new DraftContent.AppliedDiscount(d.title, d.description, d.valueType, d.percentage, d.fixedAmount);
    }

    private static DraftContent.ShippingLine readShippingLine(BsonReader reader) {
        var l = new Object() {
            String title;
            long price;
            String code;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "title" -> l.title = in.readString();
                case "price" -> l.price = Bson.readLong(in);
                case "code" -> l.code = in.readString();
                default -> in.skipValue();
            }
        });
        return new DraftContent.ShippingLine(l.title, l.price, l.code);
    }

    private static DraftContent.Address readAddress(BsonReader reader) {
        String[] f = new String[10];
        Bson.readDocument(reader, (name, in) -> {
            int i = switch (name) {
                case "firstName" -> 0;
                case "lastName" -> 1;
                case "company" -> 2;
                case "address1" -> 3;
                case "address2" -> 4;
                case "city" -> 5;
                case "provinceCode" -> 6;
                case "countryCode" -> 7;
                case "zip" -> 8;
                case "phone" -> 9;
                default -> -1;
            };
            if (i < 0) {
                in.skipValue();
            } else {
                f[i] = in.readString();
            }
        });
        return new DraftContent.Address(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
    }

    private static CartCalculation readCalculation(BsonReader reader) {
        var c = new Object() {
            long draftVersion;
            CartCalculation.Totals totals;
            List<CartCalculation.LineCalculation> lines = List.of();
            Long orderDiscountAmount;
            List<CartCalculation.TaxLine> shippingTaxLines = List.of();
            List<CartCalculation.TaxLine> taxLines = List.of();
            CartCalculation.Presentment presentment;
            List<CartCalculation.AppliedCode> appliedCodes = List.of();
            List<CartCalculation.Warning> warnings = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "draftVersion" -> c.draftVersion = Bson.readLong(in);
                case "totals" -> c.totals = readTotals(in);
                case "lines" -> c.lines = Bson.readList(in, Drafts::readLineCalculation);
                case "orderDiscountAmount" -> c.orderDiscountAmount = Bson.readLong(in);
                case "shippingTaxLines" -> c.shippingTaxLines = Bson.readList(in, Drafts::readTaxLine);
                case "taxLines" -> c.taxLines = Bson.readList(in, Drafts::readTaxLine);
                case "presentment" -> c.presentment = readPresentment(in);
                case "appliedDiscountCodes" -> c.appliedCodes = Bson.readList(in, Drafts::readAppliedCode);
                case "warnings" -> c.warnings = Bson.readList(in, Drafts::readWarning);
                default -> in.skipValue();
            }
        });
        return new CartCalculation(
                c.draftVersion,
                c.totals,
                c.lines,
                c.orderDiscountAmount,
                c.shippingTaxLines,
                c.taxLines,
                c.presentment,
                c.appliedCodes,
                c.warnings);
    }

    private static CartCalculation.Totals readTotals(BsonReader reader) {
        long[] t = new long[8];
        Bson.readDocument(reader, (name, in) -> {
            int i = switch (name) {
                case "lineItemsSubtotalPrice" -> 0;
                case "totalDiscounts" -> 1;
                case "subtotalPrice" -> 2;
                case "totalShippingPrice" -> 3;
                case "totalTax" -> 4;
                case "totalPrice" -> 5;
                case "totalQuantity" -> 6;
                case "totalWeight" -> 7;
                default -> -1;
            };
            if (i < 0) {
                in.skipValue();
            } else {
                t[i] = Bson.readLong(in);
            }
        });
        return new CartCalculation.Totals(t[0], t[1], t[2], t[3], t[4], t[5], (int) t[6], t[7]);
    }

    private static CartCalculation.LineCalculation readLineCalculation(BsonReader reader) {
        var l = new Object() {
            String lineItemId;
            Long discountAmount;
            List<CartCalculation.TaxLine> taxLines = List.of();
            Long discountedTotal;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "lineItemId" -> l.lineItemId = in.readString();
                case "discountAmount" -> l.discountAmount = Bson.readLong(in);
                case "taxLines" -> l.taxLines = Bson.readList(in, Drafts::readTaxLine);
                case "discountedTotal" -> l.discountedTotal = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new CartCalculation.LineCalculation(l.lineItemId, l.discountAmount, l.taxLines, l.discountedTotal);
    }

    private static CartCalculation.TaxLine readTaxLine(BsonReader reader) {
        var t = new Object() {
            String title;
            String rate;
            long price;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "title" -> t.title = in.readString();
                case "rate" -> t.rate = in.readString();
                case "price" -> t.price = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new CartCalculation.TaxLine(t.title, t.rate, t.price);
    }

    private static CartCalculation.Presentment readPresentment(BsonReader reader) {
        var p = new Object() {
            String currency;
            String exchangeRate;
            CartCalculation.PresentmentTotals totals;
            List<CartCalculation.LinePresentment> lines = List.of();
            Long orderDiscountAmount;
            Long shippingPrice;
            List<Long> shippingTaxLines = List.of();
            List<Long> taxLines = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "currency" -> p.currency = in.readString();
                case "exchangeRate" -> p.exchangeRate = in.readString();
                case "totals" -> {
                    CartCalculation.Totals t = readTotals(in);
                    p.totals = new CartCalculation.PresentmentTotals(
                            t.lineItemsSubtotalPrice(),
                            t.totalDiscounts(),
                            t.subtotalPrice(),
                            t.totalShippingPrice(),
                            t.totalTax(),
                            t.totalPrice());
                }
                case "lines" -> p.lines = Bson.readList(in, Drafts::readLinePresentment);
                case "orderDiscountAmount" -> p.orderDiscountAmount = Bson.readLong(in);
                case "shippingPrice" -> p.shippingPrice = Bson.readLong(in);
                case "shippingTaxLines" -> p.shippingTaxLines = Bson.readLongs(in);
                case "taxLines" -> p.taxLines = Bson.readLongs(in);
                default -> in.skipValue();
            }
        });
        return new CartCalculation.Presentment(
                p.currency,
                p.exchangeRate,
                p.totals,
                p.lines,
                p.orderDiscountAmount,
                p.shippingPrice,
                p.shippingTaxLines,
                p.taxLines);
    }

    private static CartCalculation.LinePresentment readLinePresentment(BsonReader reader) {
        var l = new Object() {
            String lineItemId;
            Long price;
            Long discountAmount;
            Long discountedTotal;
            List<Long> taxLines = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "lineItemId" -> l.lineItemId = in.readString();
                case "price" -> l.price = Bson.readLong(in);
                case "discountAmount" -> l.discountAmount = Bson.readLong(in);
                case "discountedTotal" -> l.discountedTotal = Bson.readLong(in);
                case "taxLines" -> l.taxLines = Bson.readLongs(in);
                default -> in.skipValue();
            }
        });
        return new CartCalculation.LinePresentment(
                l.lineItemId, l.price, l.discountAmount, l.discountedTotal, l.taxLines);
    }

    private static CartCalculation.AppliedCode readAppliedCode(BsonReader reader) {
        var a = new Object() {
            String code;
            String title;
            String description;
            DraftContent.DiscountType valueType;
            String percentage;
            Long fixedAmount;
            long amount;
            Long presentmentAmount;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "code" -> a.code = in.readString();
                case "title" -> a.title = in.readString();
                case "description" -> a.description = in.readString();
                case "valueType" -> a.valueType = DraftContent.DiscountType.valueOf(in.readString());
                case "percentage" -> a.percentage = in.readString();
                case "fixedAmount" -> a.fixedAmount = Bson.readLong(in);
                case "amount" -> a.amount = Bson.readLong(in);
                case "presentmentAmount" -> a.presentmentAmount = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new CartCalculation.AppliedCode(
                a.code,
                a.title,
                a.description,
                a.valueType,
                a.percentage,
                a.fixedAmount,
                a.amount,
                a.presentmentAmount);
    }

    private static CartCalculation.Warning readWarning(BsonReader reader) {
        String[] w = new String[4];
        Bson.readDocument(reader, (name, in) -> {
            int i = switch (name) {
                case "code" -> 0;
                case "field" -> 1;
                case "message" -> 2;
                case "discountCode" -> 3;
                default -> -1;
            };
            if (i < 0) {
                in.skipValue();
            } else {
                w[i] = in.readString();
            }
        });
        return new CartCalculation.Warning(w[0], w[1], w[2], w[3]);
    }

    private static Completion readCompletion(BsonReader reader) {
        var c = new Object() {
            int attempt;
            boolean paymentPending;
            String paymentGateway;
            PaymentTerms paymentTerms;
            String paymentId;
            Completion.Step step;
            Instant stepStartedAt;
            boolean paymentAuthorized;
            int tries;
            byte[] cartSnapshot;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "attempt" -> c.attempt = Bson.readInt(in);
                case "paymentPending" -> c.paymentPending = in.readBoolean();
                case "paymentGateway" -> c.paymentGateway = in.readString();
                case "paymentTerms" -> c.paymentTerms = readTerms(in);
                case "paymentId" -> c.paymentId = in.readString();
                case "step" -> c.step = Completion.Step.valueOf(in.readString());
                case "stepStartedAt" -> c.stepStartedAt = Bson.readInstant(in);
                case "paymentAuthorized" -> c.paymentAuthorized = in.readBoolean();
                case "tries" -> c.tries = Bson.readInt(in);
                case "cartSnapshot" -> c.cartSnapshot = Bson.readBytes(in);
                default -> in.skipValue();
            }
        });
        return new Completion(
                c.attempt,
                c.paymentPending,
                c.paymentGateway,
                c.paymentTerms,
                c.paymentId,
                c.step,
                c.stepStartedAt,
                c.paymentAuthorized,
                c.tries,
                c.cartSnapshot);
    }

    private static DraftOrder.PendingCompletion readPending(BsonReader reader) {
        var p = new Object() {
            boolean paymentPending;
            String paymentGateway;
            PaymentTerms paymentTerms;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "paymentPending" -> p.paymentPending = in.readBoolean();
                case "paymentGateway" -> p.paymentGateway = in.readString();
                case "paymentTerms" -> p.paymentTerms = readTerms(in);
                default -> in.skipValue();
            }
        });
        return new DraftOrder.PendingCompletion(p.paymentPending, p.paymentGateway, p.paymentTerms);
    }

    private static PaymentTerms readTerms(BsonReader reader) {
        var t = new Object() {
            Integer netDays;
            Instant dueAt;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "netDays" -> t.netDays = (int) Bson.readLong(in);
                case "dueAt" -> t.dueAt = Bson.readInstant(in);
                default -> in.skipValue();
            }
        });
        return new PaymentTerms(t.netDays, t.dueAt);
    }

    private static DraftDetails readDetails(BsonReader reader) {
        var d = new Object() {
            List<DraftDetails.Metafield> metafields = List.of();
            List<DraftDetails.CustomAttribute> customAttributes = List.of();
            String poNumber;
            String sourceName;
            boolean visibleToCustomer;
            Instant reserveInventoryUntil;
            List<DraftDetails.LocalizedField> localizedFields = List.of();
            boolean allowDiscountCodesInCheckout;
            DraftDetails.PurchasingEntity purchasingEntity;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "metafields" -> d.metafields = Bson.readList(in, Drafts::readMetafield);
                case "customAttributes" -> d.customAttributes = Bson.readList(in, Drafts::readAttribute);
                case "poNumber" -> d.poNumber = in.readString();
                case "sourceName" -> d.sourceName = in.readString();
                case "visibleToCustomer" -> d.visibleToCustomer = in.readBoolean();
                case "reserveInventoryUntil" -> d.reserveInventoryUntil = Bson.readInstant(in);
                case "localizedFields" -> d.localizedFields = Bson.readList(in, Drafts::readLocalizedField);
                case "allowDiscountCodesInCheckout" -> d.allowDiscountCodesInCheckout = in.readBoolean();
                case "purchasingEntity" -> d.purchasingEntity = readPurchasingEntity(in);
                default -> in.skipValue();
            }
        });
        return new DraftDetails(
                d.metafields,
                d.customAttributes,
                d.poNumber,
                d.sourceName,
                d.visibleToCustomer,
                d.reserveInventoryUntil,
                d.localizedFields,
                d.allowDiscountCodesInCheckout,
                d.purchasingEntity);
    }

    private static DraftDetails.LocalizedField readLocalizedField(BsonReader reader) {
        String[] f = new String[3];
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "key" -> f[0] = in.readString();
                case "value" -> f[1] = in.readString();
                case "countryCode" -> f[2] = in.readString();
                default -> in.skipValue();
            }
        });
        return new DraftDetails.LocalizedField(f[0], f[1], f[2]);
    }

    private static DraftDetails.PurchasingEntity readPurchasingEntity(BsonReader reader) {
        String[] p = new String[4];
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "customerId" -> p[0] = in.readString();
                case "companyId" -> p[1] = in.readString();
                case "companyLocationId" -> p[2] = in.readString();
                case "companyContactId" -> p[3] = in.readString();
                default -> in.skipValue();
            }
        });
        return new DraftDetails.PurchasingEntity(p[0], p[1], p[2], p[3]);
    }

    private static DraftDetails.Metafield readMetafield(BsonReader reader) {
        String[] m = new String[4];
        Bson.readDocument(reader, (name, in) -> {
            int i = switch (name) {
                case "namespace" -> 0;
                case "key" -> 1;
                case "value" -> 2;
                case "type" -> 3;
                default -> -1;
            };
            if (i < 0) {
                in.skipValue();
            } else {
                m[i] = in.readString();
            }
        });
        return new DraftDetails.Metafield(m[0], m[1], m[2], m[3]);
    }

    private static DraftDetails.CustomAttribute readAttribute(BsonReader reader) {
        String[] a = new String[2];
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "key" -> a[0] = in.readString();
                case "value" -> a[1] = in.readString();
                default -> in.skipValue();
            }
        });
        return new DraftDetails.CustomAttribute(a[0], a[1]);
    }

    private static TimelineEntry readTimelineEntry(BsonReader reader) {
        var t = new Object() {
            String type;
            Instant at;
            String summary;
            long version;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "type" -> t.type = in.readString();
                case "at" -> t.at = Bson.readInstant(in);
                case "summary" -> t.summary = in.readString();
                case "version" -> t.version = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new TimelineEntry(t.type, t.at, t.summary, t.version);
    }
}
