package com.draftorders.order.persistence;

import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.work.AggregateType;
import com.draftorders.messaging.work.Bson;
import com.draftorders.order.domain.Address;
import com.draftorders.order.domain.AppliedDiscount;
import com.draftorders.order.domain.AppliedDiscountCode;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.DiscountValueType;
import com.draftorders.order.domain.LineItem;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderDetails;
import com.draftorders.order.domain.PaymentRequest;
import com.draftorders.order.domain.PaymentStatus;
import com.draftorders.order.domain.PaymentTerms;
import com.draftorders.order.domain.Presentment;
import com.draftorders.order.domain.ShippingLine;
import com.draftorders.order.domain.TaxLine;
import com.draftorders.order.domain.Totals;
import com.draftorders.order.messaging.OrderMessages;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.springframework.stereotype.Component;

/**
 * Orders in MongoDB (collection {@value #COLLECTION}), one document each, written and read by hand:
 *
 * <pre>{@code
 * {_id, version, outbox, processed,                  the unit of work's
 *  storeId, draftOrderId, paymentId,                 queried; one order per draft and per payment (unique)
 *  number, revision, createdAt, paymentDueAt,
 *  paymentStatus, capturedAmount, refundedAmount,
 *  paymentRequests: [{kind, idempotencyKey, requestHash, amount, reason}],
 *  draftOrderName, email, phone, customerId, note, tags, paymentPending, paymentTerms: {netDays, dueAt}, sourceName,
 *  cart: {cartId, draftOrderId, draftVersion, currency,
 *         lineItems: [{id, variantId, productId, sku, title, variantTitle, quantity, price, originalPrice, grams,
 *                      taxable, requiresShipping, appliedDiscount, taxLines, discountedTotal}],
 *         appliedDiscount: {title, description, valueType, percentage, fixedAmount, amount},
 *         shippingLine: {title, price, code, taxLines}, shippingAddress, billingAddress: {firstName, ...},
 *         taxesIncluded, taxExempt, taxLines: [{title, rate, price}],
 *         totals: {lineItemsSubtotalPrice, ...}, presentment: {currency, exchangeRate, totals, lines, ...},
 *         appliedDiscountCodes: [{code, discount, presentmentAmount}]}}
 * }</pre>
 *
 * Field names are the domain's. To keep the document small (the embedded server's work per write grows with its
 * fields), what has no value is left out: a null, an empty list, a false flag, and a captured or refunded amount of
 * zero are absent, and read back as such. Money is in minor units (int64), times are milliseconds (the domain's
 * times come from Avro timestamp-millis or are truncated to them), rates and percentages exact decimal text.
 *
 * <p>An order's events are sent as its {@link #messages}: what it recorded, pulled from it once.
 */
@Component
public class Orders implements AggregateType<Order> {

    public static final String COLLECTION = "orders";
    public static final String DRAFT_ORDER_ID = "draftOrderId";
    public static final String PAYMENT_ID = "paymentId";

    private final OrderMessages messages;

    public Orders(OrderMessages messages) {
        this.messages = messages;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public String idOf(Order order) {
        return order.id();
    }

    @Override
    public String storeIdOf(Order order) {
        return order.storeId();
    }

    @Override
    public long versionOf(Order order) {
        return order.revision();
    }

    @Override
    public List<OutgoingMessage> messages(Order order, Correlation cause) {
        return messages.of(order, order.pullEvents(), cause);
    }

    /**
     * One order per draft and one per payment: the unique indexes make {@code Address.by(orders, "draftOrderId", ...)}
     * and {@code Address.by(orders, "paymentId", ...)} name one order, and let the server use an index for them. Each is
     * named after its field, as the reflective mapping named them before (so the draft's is already there in an
     * existing database; the payment's was not unique then and has to be dropped once).
     */
    @Override
    public List<IndexModel> indexes() {
        return List.of(unique(DRAFT_ORDER_ID), unique(PAYMENT_ID));
    }

    private static IndexModel unique(String field) {
        return new IndexModel(
                Indexes.ascending(field), new IndexOptions().unique(true).name(field));
    }

    @Override
    public void write(Order order, BsonWriter writer) {
        Order.State s = order.state();
        OrderDetails d = s.details();
        Bson.fields(writer)
                .string("storeId", s.storeId())
                .string(DRAFT_ORDER_ID, d.draftOrderId())
                .string(PAYMENT_ID, d.paymentId())
                .int64("number", s.number())
                .int64("revision", s.revision())
                .instant("createdAt", s.createdAt())
                .instant("paymentDueAt", s.paymentDueAt())
                .string("paymentStatus", s.paymentStatus().name())
                .int64("capturedAmount", nonZero(s.capturedAmount()))
                .int64("refundedAmount", nonZero(s.refundedAmount()))
                .documents("paymentRequests", s.paymentRequests(), Orders::writePaymentRequest)
                .string("draftOrderName", d.draftOrderName())
                .string("email", d.email())
                .string("phone", d.phone())
                .string("customerId", d.customerId())
                .string("note", d.note())
                .strings("tags", d.tags())
                .flag("paymentPending", d.paymentPending())
                .document("paymentTerms", d.paymentTerms(), (terms, out) -> {
                    if (terms.netDays() != null) {
                        out.int32("netDays", terms.netDays());
                    }
                    out.instant("dueAt", terms.dueAt());
                })
                .string("sourceName", d.sourceName())
                .document(
                        "purchasingEntity",
                        d.purchasingEntity(),
                        (p, out) -> out.string("customerId", p.customerId())
                                .string("companyId", p.companyId())
                                .string("companyLocationId", p.companyLocationId())
                                .string("companyContactId", p.companyContactId()))
                .document("cart", d.cart(), Orders::writeCart);
    }

    private static OrderDetails.PurchasingEntity readPurchasingEntity(BsonReader reader) {
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
        return new OrderDetails.PurchasingEntity(p[0], p[1], p[2], p[3]);
    }

    private static Long nonZero(long amount) {
        return amount == 0 ? null : amount;
    }

    private static void writePaymentRequest(PaymentRequest request, Bson.Fields out) {
        out.string("kind", request.kind().name())
                .string("idempotencyKey", request.idempotencyKey())
                .string("requestHash", request.requestHash())
                .int64("amount", request.amount())
                .string("reason", request.reason());
    }

    private static void writeCart(Cart cart, Bson.Fields out) {
        out.string("cartId", cart.cartId())
                .string("draftOrderId", cart.draftOrderId())
                .int64("draftVersion", cart.draftVersion())
                .string("currency", cart.currency())
                .documents("lineItems", cart.lineItems(), Orders::writeLineItem)
                .document("appliedDiscount", cart.appliedDiscount(), Orders::writeDiscount)
                .document(
                        "shippingLine",
                        cart.shippingLine(),
                        (line, o) -> o.string("title", line.title())
                                .int64("price", line.price())
                                .string("code", line.code())
                                .documents("taxLines", line.taxLines(), Orders::writeTaxLine))
                .document("shippingAddress", cart.shippingAddress(), Orders::writeAddress)
                .document("billingAddress", cart.billingAddress(), Orders::writeAddress)
                .flag("taxesIncluded", cart.taxesIncluded())
                .flag("taxExempt", cart.taxExempt())
                .documents("taxLines", cart.taxLines(), Orders::writeTaxLine)
                .document("totals", cart.totals(), Orders::writeTotals)
                .document("presentment", cart.presentment(), Orders::writePresentment)
                .documents(
                        "appliedDiscountCodes",
                        cart.appliedDiscountCodes(),
                        (code, o) -> o.string("code", code.code())
                                .document("discount", code.discount(), Orders::writeDiscount)
                                .int64("presentmentAmount", code.presentmentAmount()));
    }

    private static void writeLineItem(LineItem line, Bson.Fields out) {
        out.string("id", line.id())
                .string("variantId", line.variantId())
                .string("productId", line.productId())
                .string("sku", line.sku())
                .string("title", line.title())
                .string("variantTitle", line.variantTitle())
                .int32("quantity", line.quantity())
                .int64("price", line.price())
                .int64("originalPrice", line.originalPrice())
                .int64("grams", line.grams())
                .flag("taxable", line.taxable())
                .flag("requiresShipping", line.requiresShipping())
                .document("appliedDiscount", line.appliedDiscount(), Orders::writeDiscount)
                .documents("taxLines", line.taxLines(), Orders::writeTaxLine)
                .int64("discountedTotal", line.discountedTotal());
    }

    private static void writeDiscount(AppliedDiscount discount, Bson.Fields out) {
        out.string("title", discount.title())
                .string("description", discount.description())
                .string(
                        "valueType",
                        discount.valueType() == null
                                ? null
                                : discount.valueType().name())
                .string("percentage", discount.percentage())
                .int64("fixedAmount", discount.fixedAmount())
                .int64("amount", discount.amount());
    }

    private static void writeTaxLine(TaxLine line, Bson.Fields out) {
        out.string("title", line.title()).string("rate", line.rate()).int64("price", line.price());
    }

    private static void writeAddress(Address a, Bson.Fields out) {
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

    private static void writeTotals(Totals t, Bson.Fields out) {
        out.int64("lineItemsSubtotalPrice", t.lineItemsSubtotalPrice())
                .int64("totalDiscounts", t.totalDiscounts())
                .int64("subtotalPrice", t.subtotalPrice())
                .int64("totalShippingPrice", t.totalShippingPrice())
                .int64("totalTax", t.totalTax())
                .int64("totalPrice", t.totalPrice())
                .int32("totalQuantity", t.totalQuantity())
                .int64("totalWeight", t.totalWeight());
    }

    private static void writePresentment(Presentment p, Bson.Fields out) {
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
                        (line, o) -> o.string("lineItemId", line.lineItemId())
                                .int64("price", line.price())
                                .int64("discountAmount", line.discountAmount())
                                .int64("discountedTotal", line.discountedTotal())
                                .longs("taxLines", line.taxLines()))
                .int64("orderDiscountAmount", p.orderDiscountAmount())
                .int64("shippingPrice", p.shippingPrice())
                .longs("shippingTaxLines", p.shippingTaxLines())
                .longs("taxLines", p.taxLines());
    }

    @Override
    public Order read(BsonReader reader) {
        var s = new Object() {
            String id;
            String storeId;
            String draftOrderId;
            String paymentId;
            long number;
            long revision;
            Instant createdAt;
            Instant paymentDueAt;
            PaymentStatus paymentStatus;
            long capturedAmount;
            long refundedAmount;
            List<PaymentRequest> paymentRequests = List.of();
            String draftOrderName;
            String email;
            String phone;
            String customerId;
            String note;
            List<String> tags = List.of();
            boolean paymentPending;
            PaymentTerms paymentTerms;
            String sourceName;
            OrderDetails.PurchasingEntity purchasingEntity;
            Cart cart;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "_id" -> s.id = in.readString();
                case "storeId" -> s.storeId = in.readString();
                case DRAFT_ORDER_ID -> s.draftOrderId = in.readString();
                case PAYMENT_ID -> s.paymentId = in.readString();
                case "number" -> s.number = Bson.readLong(in);
                case "revision" -> s.revision = Bson.readLong(in);
                case "createdAt" -> s.createdAt = Bson.readInstant(in);
                case "paymentDueAt" -> s.paymentDueAt = Bson.readInstant(in);
                case "paymentStatus" -> s.paymentStatus = PaymentStatus.valueOf(in.readString());
                case "capturedAmount" -> s.capturedAmount = Bson.readLong(in);
                case "refundedAmount" -> s.refundedAmount = Bson.readLong(in);
                case "paymentRequests" -> s.paymentRequests = Bson.readList(in, Orders::readPaymentRequest);
                case "draftOrderName" -> s.draftOrderName = in.readString();
                case "email" -> s.email = in.readString();
                case "phone" -> s.phone = in.readString();
                case "customerId" -> s.customerId = in.readString();
                case "note" -> s.note = in.readString();
                case "tags" -> s.tags = Bson.readStrings(in);
                case "paymentPending" -> s.paymentPending = in.readBoolean();
                case "paymentTerms" -> s.paymentTerms = readPaymentTerms(in);
                case "sourceName" -> s.sourceName = in.readString();
                case "purchasingEntity" -> s.purchasingEntity = readPurchasingEntity(in);
                case "cart" -> s.cart = readCart(in);
                default -> in.skipValue();
            }
        });
        OrderDetails details = new OrderDetails(
                s.draftOrderId,
                s.draftOrderName,
                s.paymentId,
                s.cart,
                s.email,
                s.phone,
                s.customerId,
                s.note,
                s.tags,
                s.paymentPending,
                s.paymentTerms,
                s.sourceName,
                s.purchasingEntity);
        return Order.restore(new Order.State(
                s.id,
                s.storeId,
                s.number,
                details,
                s.createdAt,
                s.paymentDueAt,
                s.paymentStatus,
                s.capturedAmount,
                s.refundedAmount,
                s.paymentRequests,
                s.revision));
    }

    private static PaymentRequest readPaymentRequest(BsonReader reader) {
        var r = new Object() {
            PaymentRequest.Kind kind;
            String idempotencyKey;
            String requestHash;
            Long amount;
            String reason;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "kind" -> r.kind = PaymentRequest.Kind.valueOf(in.readString());
                case "idempotencyKey" -> r.idempotencyKey = in.readString();
                case "requestHash" -> r.requestHash = in.readString();
                case "amount" -> r.amount = Bson.readLong(in);
                case "reason" -> r.reason = in.readString();
                default -> in.skipValue();
            }
        });
        return new PaymentRequest(r.kind, r.idempotencyKey, r.requestHash, r.amount, r.reason);
    }

    private static PaymentTerms readPaymentTerms(BsonReader reader) {
        var t = new Object() {
            Integer netDays;
            Instant dueAt;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "netDays" -> t.netDays = Bson.readInt(in);
                case "dueAt" -> t.dueAt = Bson.readInstant(in);
                default -> in.skipValue();
            }
        });
        return new PaymentTerms(t.netDays, t.dueAt);
    }

    private static Cart readCart(BsonReader reader) {
        var c = new Object() {
            String cartId;
            String draftOrderId;
            long draftVersion;
            String currency;
            List<LineItem> lineItems = List.of();
            AppliedDiscount appliedDiscount;
            ShippingLine shippingLine;
            Address shippingAddress;
            Address billingAddress;
            boolean taxesIncluded;
            boolean taxExempt;
            List<TaxLine> taxLines = List.of();
            Totals totals;
            Presentment presentment;
            List<AppliedDiscountCode> appliedDiscountCodes = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "cartId" -> c.cartId = in.readString();
                case "draftOrderId" -> c.draftOrderId = in.readString();
                case "draftVersion" -> c.draftVersion = Bson.readLong(in);
                case "currency" -> c.currency = in.readString();
                case "lineItems" -> c.lineItems = Bson.readList(in, Orders::readLineItem);
                case "appliedDiscount" -> c.appliedDiscount = readDiscount(in);
                case "shippingLine" -> c.shippingLine = readShippingLine(in);
                case "shippingAddress" -> c.shippingAddress = readAddress(in);
                case "billingAddress" -> c.billingAddress = readAddress(in);
                case "taxesIncluded" -> c.taxesIncluded = in.readBoolean();
                case "taxExempt" -> c.taxExempt = in.readBoolean();
                case "taxLines" -> c.taxLines = readTaxLines(in);
                case "totals" -> c.totals = readTotals(in);
                case "presentment" -> c.presentment = readPresentment(in);
                case "appliedDiscountCodes" -> c.appliedDiscountCodes = Bson.readList(in, Orders::readDiscountCode);
                default -> in.skipValue();
            }
        });
        return new Cart(
                c.cartId,
                c.draftOrderId,
                c.draftVersion,
                c.currency,
                c.lineItems,
                c.appliedDiscount,
                c.shippingLine,
                c.shippingAddress,
                c.billingAddress,
                c.taxesIncluded,
                c.taxExempt,
                c.taxLines,
                c.totals,
                c.presentment,
                c.appliedDiscountCodes);
    }

    private static LineItem readLineItem(BsonReader reader) {
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
            boolean taxable;
            boolean requiresShipping;
            AppliedDiscount appliedDiscount;
            List<TaxLine> taxLines = List.of();
            Long discountedTotal;
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
                case "taxLines" -> l.taxLines = readTaxLines(in);
                case "discountedTotal" -> l.discountedTotal = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new LineItem(
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
                l.appliedDiscount,
                l.taxLines,
                l.discountedTotal);
    }

    private static AppliedDiscount readDiscount(BsonReader reader) {
        var d = new Object() {
            String title;
            String description;
            DiscountValueType valueType;
            String percentage;
            Long fixedAmount;
            Long amount;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "title" -> d.title = in.readString();
                case "description" -> d.description = in.readString();
                case "valueType" -> d.valueType = DiscountValueType.valueOf(in.readString());
                case "percentage" -> d.percentage = in.readString();
                case "fixedAmount" -> d.fixedAmount = Bson.readLong(in);
                case "amount" -> d.amount = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new AppliedDiscount(d.title, d.description, d.valueType, d.percentage, d.fixedAmount, d.amount);
    }

    private static AppliedDiscountCode readDiscountCode(BsonReader reader) {
        var c = new Object() {
            String code;
            AppliedDiscount discount;
            Long presentmentAmount;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "code" -> c.code = in.readString();
                case "discount" -> c.discount = readDiscount(in);
                case "presentmentAmount" -> c.presentmentAmount = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new AppliedDiscountCode(c.code, c.discount, c.presentmentAmount);
    }

    private static ShippingLine readShippingLine(BsonReader reader) {
        var l = new Object() {
            String title;
            long price;
            String code;
            List<TaxLine> taxLines = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "title" -> l.title = in.readString();
                case "price" -> l.price = Bson.readLong(in);
                case "code" -> l.code = in.readString();
                case "taxLines" -> l.taxLines = readTaxLines(in);
                default -> in.skipValue();
            }
        });
        return new ShippingLine(l.title, l.price, l.code, l.taxLines);
    }

    private static List<TaxLine> readTaxLines(BsonReader reader) {
        return Bson.readList(reader, Orders::readTaxLine);
    }

    private static TaxLine readTaxLine(BsonReader reader) {
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
        return new TaxLine(t.title, t.rate, t.price);
    }

    private static Address readAddress(BsonReader reader) {
        var a = new Object() {
            String firstName;
            String lastName;
            String company;
            String address1;
            String address2;
            String city;
            String provinceCode;
            String countryCode;
            String zip;
            String phone;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "firstName" -> a.firstName = in.readString();
                case "lastName" -> a.lastName = in.readString();
                case "company" -> a.company = in.readString();
                case "address1" -> a.address1 = in.readString();
                case "address2" -> a.address2 = in.readString();
                case "city" -> a.city = in.readString();
                case "provinceCode" -> a.provinceCode = in.readString();
                case "countryCode" -> a.countryCode = in.readString();
                case "zip" -> a.zip = in.readString();
                case "phone" -> a.phone = in.readString();
                default -> in.skipValue();
            }
        });
        return new Address(
                a.firstName,
                a.lastName,
                a.company,
                a.address1,
                a.address2,
                a.city,
                a.provinceCode,
                a.countryCode,
                a.zip,
                a.phone);
    }

    private static Totals readTotals(BsonReader reader) {
        var t = new Object() {
            long lineItemsSubtotalPrice;
            long totalDiscounts;
            long subtotalPrice;
            long totalShippingPrice;
            long totalTax;
            long totalPrice;
            int totalQuantity;
            long totalWeight;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "lineItemsSubtotalPrice" -> t.lineItemsSubtotalPrice = Bson.readLong(in);
                case "totalDiscounts" -> t.totalDiscounts = Bson.readLong(in);
                case "subtotalPrice" -> t.subtotalPrice = Bson.readLong(in);
                case "totalShippingPrice" -> t.totalShippingPrice = Bson.readLong(in);
                case "totalTax" -> t.totalTax = Bson.readLong(in);
                case "totalPrice" -> t.totalPrice = Bson.readLong(in);
                case "totalQuantity" -> t.totalQuantity = Bson.readInt(in);
                case "totalWeight" -> t.totalWeight = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new Totals(
                t.lineItemsSubtotalPrice,
                t.totalDiscounts,
                t.subtotalPrice,
                t.totalShippingPrice,
                t.totalTax,
                t.totalPrice,
                t.totalQuantity,
                t.totalWeight);
    }

    private static Presentment readPresentment(BsonReader reader) {
        var p = new Object() {
            String currency;
            String exchangeRate;
            Presentment.Totals totals;
            List<Presentment.Line> lines = List.of();
            Long orderDiscountAmount;
            Long shippingPrice;
            List<Long> shippingTaxLines = List.of();
            List<Long> taxLines = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "currency" -> p.currency = in.readString();
                case "exchangeRate" -> p.exchangeRate = in.readString();
                case "totals" -> p.totals = readPresentmentTotals(in);
                case "lines" -> p.lines = Bson.readList(in, Orders::readPresentmentLine);
                case "orderDiscountAmount" -> p.orderDiscountAmount = Bson.readLong(in);
                case "shippingPrice" -> p.shippingPrice = Bson.readLong(in);
                case "shippingTaxLines" -> p.shippingTaxLines = Bson.readLongs(in);
                case "taxLines" -> p.taxLines = Bson.readLongs(in);
                default -> in.skipValue();
            }
        });
        return new Presentment(
                p.currency,
                p.exchangeRate,
                p.totals,
                p.lines,
                p.orderDiscountAmount,
                p.shippingPrice,
                p.shippingTaxLines,
                p.taxLines);
    }

    private static Presentment.Totals readPresentmentTotals(BsonReader reader) {
        var t = new Object() {
            long lineItemsSubtotalPrice;
            long totalDiscounts;
            long subtotalPrice;
            long totalShippingPrice;
            long totalTax;
            long totalPrice;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "lineItemsSubtotalPrice" -> t.lineItemsSubtotalPrice = Bson.readLong(in);
                case "totalDiscounts" -> t.totalDiscounts = Bson.readLong(in);
                case "subtotalPrice" -> t.subtotalPrice = Bson.readLong(in);
                case "totalShippingPrice" -> t.totalShippingPrice = Bson.readLong(in);
                case "totalTax" -> t.totalTax = Bson.readLong(in);
                case "totalPrice" -> t.totalPrice = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new Presentment.Totals(
                t.lineItemsSubtotalPrice,
                t.totalDiscounts,
                t.subtotalPrice,
                t.totalShippingPrice,
                t.totalTax,
                t.totalPrice);
    }

    private static Presentment.Line readPresentmentLine(BsonReader reader) {
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
        return new Presentment.Line(l.lineItemId, l.price, l.discountAmount, l.discountedTotal, l.taxLines);
    }
}
