package com.draftorders.cart.persistence;

import com.draftorders.cart.domain.Address;
import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.AppliedDiscountCode;
import com.draftorders.cart.domain.CalculatedLine;
import com.draftorders.cart.domain.CalculatedShipping;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartCalculation;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.CartEvent;
import com.draftorders.cart.domain.CartLock;
import com.draftorders.cart.domain.CartType;
import com.draftorders.cart.domain.CartWarning;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.cart.domain.LineItem;
import com.draftorders.cart.domain.PresentmentCalculation;
import com.draftorders.cart.domain.ShippingLine;
import com.draftorders.cart.domain.TaxLine;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.work.AggregateType;
import com.draftorders.messaging.work.Bson;
import com.draftorders.schemas.Topics;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.BsonReader;
import org.bson.BsonWriter;

/**
 * Carts in MongoDB (collection {@value #COLLECTION}), one document each, and the {@code cart-events} their changes
 * send (key: the cart id; aggregate version: the cart's revision).
 *
 * <p>The document holds the content as it was given and every amount the calculator <em>decided</em> (each rounded
 * once): per line its discount amount, its share of the order-level discounts and its tax lines; the order discount,
 * the shipping tax lines, the amounts of the discount codes that applied, the warnings; and each of those amounts in
 * the presentment currency. What follows from these by definition is not stored but rebuilt on reading, by the same
 * {@link CartCalculation#of} the calculator builds every calculation with: line subtotals and discounted totals, the
 * cart's tax lines, the totals in both currencies, the presentment currency and rate. A presentment amount is stored
 * only where it differs from its shop amount (for a cart without a presentment currency, nowhere).
 *
 * <pre>{@code
 * {_id: "cart_1", version: 7, outbox: [...], processed: [...],          (the unit of work's)
 *  storeId: "store_a", draftOrderId: "dorder_1", type: "DRAFT_ORDER", draftVersion: 4, revision: 2,
 *  createdAt, updatedAt, lock: {draftOrderId: "dorder_1", draftVersion: 4, attempt: 2, lockedAt},
 *  currency: "EUR", presentmentCurrency: "USD", exchangeRate: "1.0850", taxesIncluded: true,
 *  discountCodes: ["save10", "NOPE"],
 *  lines: [{lineItemId: "li_a", variantId, productId, sku, title: "Mug", variantTitle, quantity: 3, price: 335,
 *           originalPrice: 400, grams: 120, taxable: true, requiresShipping: true,
 *           discount: {title, description, valueType: "PERCENTAGE", percentage: "12.5",
 *                      amount: 126, presentmentAmount: 137},
 *           orderDiscount: 200,
 *           taxLines: [{title: "CA State Tax", rate: "0.0725", price: 46, presentmentPrice: 50}],
 *           presentmentPrice: 363, presentmentOrderDiscount: 217, presentmentDiscountedTotal: 737}],
 *  discount: {title, description, valueType: "FIXED_AMOUNT", fixedAmount: 250, amount: 250,
 *             presentmentAmount: 272},
 *  shipping: {title: "Express", price: 495, code: "EXP", presentmentPrice: 537, taxLines: [...]},
 *  shippingAddress: {firstName, lastName, company, address1, address2, city, provinceCode, countryCode, zip,
 *                    phone},
 *  billingAddress: {...},
 *  appliedCodes: [{code: "SAVE10", title, description, valueType: "PERCENTAGE", percentage: "10", amount: 153,
 *                  presentmentAmount: 166}],
 *  warnings: [{reason: "DISCOUNT_CODE_NOT_FOUND", field: "discount_codes[1]", message, discountCode: "NOPE"}]}
 * }</pre>
 *
 * Absent means null, false, 0 or empty. Decimals are strings.
 */
public final class Carts implements AggregateType<Cart> {

    public static final String COLLECTION = "carts";

    private final MessageFactory messages;
    private final Function<CartEvent, ?> payloads;

    /**
     * @param payloads the {@code cart-events} payload of each cart event (the Avro mapping of the messaging adapter)
     */
    public Carts(MessageFactory messages, Function<CartEvent, ?> payloads) {
        this.messages = messages;
        this.payloads = payloads;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public String idOf(Cart cart) {
        return cart.id();
    }

    @Override
    public String storeIdOf(Cart cart) {
        return cart.storeId();
    }

    @Override
    public long versionOf(Cart cart) {
        return cart.revision();
    }

    @Override
    public List<OutgoingMessage> messages(Cart cart, Correlation cause) {
        List<CartEvent> events = cart.pullEvents();
        List<OutgoingMessage> outgoing = new ArrayList<>(events.size());
        for (CartEvent event : events) {
            outgoing.add(messages.create(
                    Topics.CART_EVENTS,
                    cart.id(),
                    cart.storeId(),
                    cart.id(),
                    cart.revision(),
                    cause,
                    payloads.apply(event)));
        }
        return outgoing;
    }

    /** Operators find a draft's cart by store and draft. */
    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(
                Indexes.ascending("storeId", "draftOrderId"), new IndexOptions().name("store_draft_order")));
    }

    // ---- writing

    @Override
    public void write(Cart cart, BsonWriter writer) {
        Cart.State s = cart.state();
        CartCalculation c = s.calculation();
        CartContent content = c.content();
        PresentmentCalculation p = c.presentment();
        CalculatedShipping shipping = c.shipping();
        Bson.fields(writer)
                .string("storeId", s.storeId())
                .string("draftOrderId", s.draftOrderId())
                .string("type", s.type().name())
                .int64("draftVersion", s.draftVersion())
                .int64("revision", s.revision())
                .instant("createdAt", s.createdAt())
                .instant("updatedAt", s.updatedAt())
                .document(
                        "lock",
                        s.lock(),
                        (lock, out) -> out.string("draftOrderId", lock.draftOrderId())
                                .int64("draftVersion", lock.draftVersion())
                                .int32("attempt", lock.attempt())
                                .instant("lockedAt", lock.lockedAt()))
                .string("currency", content.currency())
                .string("presentmentCurrency", content.presentmentCurrency())
                .decimal("exchangeRate", content.exchangeRate())
                .flag("taxesIncluded", content.taxesIncluded())
                .flag("taxExempt", content.taxExempt())
                .strings("discountCodes", content.discountCodes())
                .documents(
                        "lines",
                        IntStream.range(0, c.lines().size()).boxed().toList(),
                        (i, out) -> writeLine(c.lines().get(i), p.lines().get(i), out))
                .document(
                        "discount",
                        content.appliedDiscount(),
                        (discount, out) -> writeDiscount(discount, c.orderDiscount(), p.orderDiscount(), out))
                .document("shipping", shipping, (line, out) -> {
                    out.string("title", line.line().title())
                            .int64("price", line.line().price())
                            .string("code", line.line().code());
                    twin(out, "presentmentPrice", line.line().price(), p.shippingPrice());
                    writeTaxLines(line.taxLines(), p.shippingTaxes(), out);
                })
                .document("shippingAddress", content.shippingAddress(), Carts::writeAddress)
                .document("billingAddress", content.billingAddress(), Carts::writeAddress)
                .documents("appliedCodes", c.appliedCodes(), (code, out) -> {
                    out.string("code", code.code());
                    writeDiscount(code.discount(), code.amount(), code.presentmentAmount(), out);
                })
                .documents(
                        "warnings",
                        c.warnings(),
                        (w, out) -> out.string("reason", w.reason().name())
                                .string("field", w.field())
                                .string("message", w.message())
                                .string("discountCode", w.discountCode()));
    }

    private static void writeLine(CalculatedLine line, PresentmentCalculation.Line p, Bson.Fields out) {
        LineItem item = line.item();
        out.string("lineItemId", item.lineItemId())
                .string("variantId", item.variantId())
                .string("productId", item.productId())
                .string("sku", item.sku())
                .string("title", item.title())
                .string("variantTitle", item.variantTitle())
                .int32("quantity", item.quantity())
                .int64("price", item.price())
                .int64("originalPrice", item.originalPrice())
                .int64("grams", item.grams() == 0 ? null : item.grams())
                .flag("taxable", item.taxable())
                .flag("requiresShipping", item.requiresShipping())
                .document(
                        "discount",
                        item.appliedDiscount(),
                        (discount, d) -> writeDiscount(discount, line.lineDiscount(), p.lineDiscount(), d));
        nonZero(out, "orderDiscount", line.orderDiscountShare());
        writeTaxLines(line.taxLines(), p.taxes(), out);
        twin(out, "presentmentPrice", item.price(), p.price());
        twin(out, "presentmentOrderDiscount", line.orderDiscountShare(), p.orderDiscountShare());
        twin(out, "presentmentDiscountedTotal", line.discountedTotal(), p.discountedTotal());
    }

    private static void writeDiscount(AppliedDiscount discount, long amount, long presentmentAmount, Bson.Fields out) {
        out.string("title", discount.title())
                .string("description", discount.description())
                .string("valueType", discount.valueType().name())
                .decimal("percentage", discount.percentage())
                .int64("fixedAmount", discount.fixedAmount())
                .int64("amount", amount);
        twin(out, "presentmentAmount", amount, presentmentAmount);
    }

    private static void writeTaxLines(List<TaxLine> taxLines, List<Long> presentmentPrices, Bson.Fields out) {
        out.documents("taxLines", IntStream.range(0, taxLines.size()).boxed().toList(), (i, t) -> {
            TaxLine taxLine = taxLines.get(i);
            t.string("title", taxLine.title()).decimal("rate", taxLine.rate()).int64("price", taxLine.price());
            twin(t, "presentmentPrice", taxLine.price(), presentmentPrices.get(i));
        });
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

    /** An amount that is mostly 0: absent when it is. */
    private static void nonZero(Bson.Fields out, String name, long value) {
        if (value != 0) {
            out.int64(name, value);
        }
    }

    /** A presentment amount: absent when it is the shop amount (always, without a presentment currency). */
    private static void twin(Bson.Fields out, String name, long shopAmount, long presentmentAmount) {
        if (presentmentAmount != shopAmount) {
            out.int64(name, presentmentAmount);
        }
    }

    // ---- reading

    @Override
    public Cart read(BsonReader reader) {
        var d = new Object() {
            String id;
            String storeId;
            String draftOrderId;
            CartType type;
            long draftVersion;
            long revision;
            Instant createdAt;
            Instant updatedAt;
            CartLock lock;
            String currency;
            String presentmentCurrency;
            BigDecimal exchangeRate;
            boolean taxesIncluded;
            boolean taxExempt;
            List<String> discountCodes = List.of();
            List<StoredLine> lines = List.of();
            StoredDiscount discount;
            StoredShipping shipping;
            Address shippingAddress;
            Address billingAddress;
            List<StoredCode> appliedCodes = List.of();
            List<CartWarning> warnings = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "_id" -> d.id = in.readString();
                case "storeId" -> d.storeId = in.readString();
                case "draftOrderId" -> d.draftOrderId = in.readString();
                case "type" -> d.type = CartType.valueOf(in.readString());
                case "draftVersion" -> d.draftVersion = Bson.readLong(in);
                case "revision" -> d.revision = Bson.readLong(in);
                case "createdAt" -> d.createdAt = Bson.readInstant(in);
                case "updatedAt" -> d.updatedAt = Bson.readInstant(in);
                case "lock" -> d.lock = readLock(in);
                case "currency" -> d.currency = in.readString();
                case "presentmentCurrency" -> d.presentmentCurrency = in.readString();
                case "exchangeRate" -> d.exchangeRate = Bson.readDecimal(in);
                case "taxesIncluded" -> d.taxesIncluded = in.readBoolean();
                case "taxExempt" -> d.taxExempt = in.readBoolean();
                case "discountCodes" -> d.discountCodes = Bson.readStrings(in);
                case "lines" -> d.lines = Bson.readList(in, Carts::readLine);
                case "discount" -> d.discount = readDiscount(in);
                case "shipping" -> d.shipping = readShipping(in);
                case "shippingAddress" -> d.shippingAddress = readAddress(in);
                case "billingAddress" -> d.billingAddress = readAddress(in);
                case "appliedCodes" -> d.appliedCodes = Bson.readList(in, Carts::readCode);
                case "warnings" -> d.warnings = Bson.readList(in, Carts::readWarning);
                default -> in.skipValue();
            }
        });
        CartContent content = new CartContent(
                d.currency,
                d.lines.stream().map(StoredLine::item).toList(),
                d.discount == null ? null : d.discount.discount(),
                d.shipping == null ? null : d.shipping.line(),
                d.shippingAddress,
                d.billingAddress,
                d.taxesIncluded,
                d.taxExempt,
                d.presentmentCurrency,
                d.exchangeRate,
                d.discountCodes);
        List<CalculatedLine> lines = new ArrayList<>(d.lines.size());
        List<PresentmentCalculation.Line> presentmentLines = new ArrayList<>(d.lines.size());
        for (StoredLine line : d.lines) {
            CalculatedLine calculated =
                    CalculatedLine.of(line.item(), line.discountAmount(), line.orderDiscount(), line.taxLines());
            lines.add(calculated);
            presentmentLines.add(PresentmentCalculation.Line.of(
                    or(line.presentmentPrice(), line.item().price()),
                    line.presentmentDiscountAmount(),
                    or(line.presentmentOrderDiscount(), calculated.orderDiscountShare()),
                    or(line.presentmentDiscountedTotal(), calculated.discountedTotal()),
                    line.presentmentTaxes()));
        }
        CartCalculation calculation = CartCalculation.of(
                content,
                lines,
                d.discount == null ? 0 : d.discount.amount(),
                d.shipping == null ? null : new CalculatedShipping(d.shipping.line(), d.shipping.taxLines()),
                presentmentLines,
                d.discount == null ? 0 : d.discount.presentmentAmount(),
                d.shipping == null ? 0 : d.shipping.presentmentPrice(),
                d.shipping == null ? List.of() : d.shipping.presentmentTaxes(),
                d.appliedCodes.stream()
                        .map(code -> new AppliedDiscountCode(
                                code.code(),
                                code.discount().discount(),
                                code.discount().amount(),
                                code.discount().presentmentAmount()))
                        .toList(),
                d.warnings);
        return Cart.restore(new Cart.State(
                d.id,
                d.storeId,
                d.draftOrderId,
                d.type,
                d.draftVersion,
                calculation,
                d.lock,
                d.revision,
                d.createdAt,
                d.updatedAt));
    }

    private static long or(Long presentmentAmount, long shopAmount) {
        return presentmentAmount == null ? shopAmount : presentmentAmount;
    }

    /** A tax line and its presentment price. */
    private record StoredTax(TaxLine taxLine, long presentmentPrice) {

        static List<TaxLine> taxLines(List<StoredTax> taxes) {
            return taxes.stream().map(StoredTax::taxLine).toList();
        }

        static List<Long> presentmentPrices(List<StoredTax> taxes) {
            return taxes.stream().map(StoredTax::presentmentPrice).toList();
        }
    }

    /** An applied discount and the amounts it took. */
    private record StoredDiscount(AppliedDiscount discount, long amount, long presentmentAmount) {}

    private record StoredCode(String code, StoredDiscount discount) {}

    private record StoredShipping(ShippingLine line, long presentmentPrice, List<StoredTax> taxes) {

        List<TaxLine> taxLines() {
            return StoredTax.taxLines(taxes);
        }

        List<Long> presentmentTaxes() {
            return StoredTax.presentmentPrices(taxes);
        }
    }

    private record StoredLine(
            LineItem item,
            StoredDiscount discount,
            long orderDiscount,
            List<StoredTax> taxes,
            Long presentmentPrice,
            Long presentmentOrderDiscount,
            Long presentmentDiscountedTotal) {

        long discountAmount() {
            return discount == null ? 0 : discount.amount();
        }

        long presentmentDiscountAmount() {
            return discount == null ? 0 : discount.presentmentAmount();
        }

        List<TaxLine> taxLines() {
            return StoredTax.taxLines(taxes);
        }

        List<Long> presentmentTaxes() {
            return StoredTax.presentmentPrices(taxes);
        }
    }

    private static StoredLine readLine(BsonReader reader) {
        var l = new Object() {
            String lineItemId;
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
            StoredDiscount discount;
            long orderDiscount;
            List<StoredTax> taxes = List.of();
            Long presentmentPrice;
            Long presentmentOrderDiscount;
            Long presentmentDiscountedTotal;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "lineItemId" -> l.lineItemId = in.readString();
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
                case "discount" -> l.discount = readDiscount(in);
                case "orderDiscount" -> l.orderDiscount = Bson.readLong(in);
                case "taxLines" -> l.taxes = Bson.readList(in, Carts::readTax);
                case "presentmentPrice" -> l.presentmentPrice = Bson.readLong(in);
                case "presentmentOrderDiscount" -> l.presentmentOrderDiscount = Bson.readLong(in);
                case "presentmentDiscountedTotal" -> l.presentmentDiscountedTotal = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        LineItem item = new LineItem(
                l.lineItemId,
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
                l.discount == null ? null : l.discount.discount());
        return new StoredLine(
                item,
                l.discount,
                l.orderDiscount,
                l.taxes,
                l.presentmentPrice,
                l.presentmentOrderDiscount,
                l.presentmentDiscountedTotal);
    }

    private static StoredDiscount readDiscount(BsonReader reader) {
        return readCode(reader).discount();
    }

    /** An applied discount with the code it came from (none for the order's or a line's own discount). */
    private static StoredCode readCode(BsonReader reader) {
        var d = new Object() {
            String code;
            String title;
            String description;
            DiscountType valueType;
            BigDecimal percentage;
            Long fixedAmount;
            long amount;
            Long presentmentAmount;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "code" -> d.code = in.readString();
                case "title" -> d.title = in.readString();
                case "description" -> d.description = in.readString();
                case "valueType" -> d.valueType = DiscountType.valueOf(in.readString());
                case "percentage" -> d.percentage = Bson.readDecimal(in);
                case "fixedAmount" -> d.fixedAmount = Bson.readLong(in);
                case "amount" -> d.amount = Bson.readLong(in);
                case "presentmentAmount" -> d.presentmentAmount = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new StoredCode(
                d.code,
                new StoredDiscount(
                        new AppliedDiscount(d.title, d.description, d.valueType, d.percentage, d.fixedAmount),
                        d.amount,
                        or(d.presentmentAmount, d.amount)));
    }

    private static StoredTax readTax(BsonReader reader) {
        var t = new Object() {
            String title;
            BigDecimal rate;
            long price;
            Long presentmentPrice;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "title" -> t.title = in.readString();
                case "rate" -> t.rate = Bson.readDecimal(in);
                case "price" -> t.price = Bson.readLong(in);
                case "presentmentPrice" -> t.presentmentPrice = Bson.readLong(in);
                default -> in.skipValue();
            }
        });
        return new StoredTax(new TaxLine(t.title, t.rate, t.price), or(t.presentmentPrice, t.price));
    }

    private static StoredShipping readShipping(BsonReader reader) {
        var s = new Object() {
            String title;
            long price;
            String code;
            Long presentmentPrice;
            List<StoredTax> taxes = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "title" -> s.title = in.readString();
                case "price" -> s.price = Bson.readLong(in);
                case "code" -> s.code = in.readString();
                case "presentmentPrice" -> s.presentmentPrice = Bson.readLong(in);
                case "taxLines" -> s.taxes = Bson.readList(in, Carts::readTax);
                default -> in.skipValue();
            }
        });
        return new StoredShipping(new ShippingLine(s.title, s.price, s.code), or(s.presentmentPrice, s.price), s.taxes);
    }

    private static CartLock readLock(BsonReader reader) {
        var l = new Object() {
            String draftOrderId;
            long draftVersion;
            int attempt;
            Instant lockedAt;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "draftOrderId" -> l.draftOrderId = in.readString();
                case "draftVersion" -> l.draftVersion = Bson.readLong(in);
                case "attempt" -> l.attempt = Bson.readInt(in);
                case "lockedAt" -> l.lockedAt = Bson.readInstant(in);
                default -> in.skipValue();
            }
        });
        return new CartLock(l.draftOrderId, l.draftVersion, l.attempt, l.lockedAt);
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

    private static CartWarning readWarning(BsonReader reader) {
        var w = new Object() {
            CartWarning.Reason reason;
            String field;
            String message;
            String discountCode;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "reason" -> w.reason = CartWarning.Reason.valueOf(in.readString());
                case "field" -> w.field = in.readString();
                case "message" -> w.message = in.readString();
                case "discountCode" -> w.discountCode = in.readString();
                default -> in.skipValue();
            }
        });
        return new CartWarning(w.reason, w.field, w.message, w.discountCode);
    }
}
