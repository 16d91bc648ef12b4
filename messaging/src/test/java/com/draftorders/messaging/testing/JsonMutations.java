package com.draftorders.messaging.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies derived from a valid JSON body by mutation, for the generative tests of every service's REST routes: a
 * seeded {@link Random}, so a failure names the seed and the body and can be replayed.
 *
 * <p>Mutations of the tree (a value anywhere replaced by a wrong type, {@code null}, a huge or tiny number, money
 * with an exponent, sign, spaces or other scripts' digits, a control character, odd unicode, an empty or nested
 * container; a field removed, an unknown field added, a list element made {@code null}) and of the text (a key
 * named twice, deep nesting, truncation, trailing garbage, a byte-order mark, bytes that are not UTF-8).
 */
public final class JsonMutations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Scalar values that strict parsing must refuse (or accept correctly) wherever they land. */
    private static final List<JsonNode> ODD_VALUES = List.of(
            NODES.nullNode(),
            NODES.booleanNode(true),
            NODES.numberNode(1.5),
            NODES.numberNode(-1),
            NODES.numberNode(0),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
            NODES.numberNode(new java.math.BigDecimal("1e308")),
            NODES.numberNode(new java.math.BigDecimal("-1e-308")),
            NODES.numberNode(2147483648L),
            NODES.stringNode(""),
            NODES.stringNode(" "),
            NODES.stringNode("1e2"),
            NODES.stringNode("+1.00"),
            NODES.stringNode("-1.00"),
            NODES.stringNode(" 1.00 "),
            NODES.stringNode("1,00"),
            NODES.stringNode("١٠٠"),
            NODES.stringNode("１００"),
            NODES.stringNode("NaN"),
            NODES.stringNode("Infinity"),
            NODES.stringNode("0x1F"),
            NODES.stringNode("99999999999999999999.99"),
            NODES.stringNode("33.3333333333333333"),
            NODES.stringNode("eur"),
            NODES.stringNode("XXX"),
            NODES.stringNode("XAU"),
            NODES.stringNode("nul\u0000here"),
            NODES.stringNode("esc\u001b[31mred"),
            NODES.stringNode("hi\r\nBcc: evil@x.y"),
            NODES.stringNode("del\u007f"),
            NODES.stringNode("c1\u0085next"),
            NODES.stringNode("lone \ud800 surrogate"),
            NODES.stringNode("emoji 😀 rtl \u202e gnp.exe combining e\u0301"),
            NODES.stringNode("x".repeat(10_000)),
            NODES.stringNode("<script>alert(1)</script>"),
            NODES.stringNode("'; db.dropDatabase(); //"),
            NODES.stringNode("{\"$gt\": \"\"}"),
            NODES.stringNode("1970-01-01T00:00:00Z"),
            NODES.stringNode("9999-12-31T23:59:59Z"),
            NODES.stringNode("not a date"),
            NODES.stringNode("$where"),
            NODES.stringNode("a.b"));

    private final Random random;

    public JsonMutations(long seed) {
        this.random = new Random(seed);
    }

    /** One mutation of {@code valid}, as the bytes to send (most are UTF-8 JSON text, some are not). */
    public byte[] mutate(JsonNode valid) {
        int kind = random.nextInt(100);
        if (kind < 55) {
            return bytes(mutateTree(valid.deepCopy(), 1 + random.nextInt(3)).toString());
        }
        if (kind < 65) {
            return bytes(duplicateKey(valid));
        }
        if (kind < 70) {
            return bytes(deepNesting(valid));
        }
        if (kind < 78) {
            String text = valid.toString();
            return bytes(text.substring(0, random.nextInt(Math.max(text.length(), 1))));
        }
        if (kind < 83) {
            return bytes(valid + pick(List.of("x", "}", "]", ",", " {}", "\u0000", "//")));
        }
        if (kind < 86) {
            return bytes("\uFEFF" + valid);
        }
        if (kind < 90) {
            byte[] text = bytes(valid.toString());
            int at = random.nextInt(text.length);
            text[at] = (byte) (int) pick(List.of(0xff, 0xfe, 0xc0, 0x80, 0x00, 0xed));
            return text;
        }
        if (kind < 95) {
            return bytes(pick(List.of("", " ", "null", "[]", "0", "\"text\"", "{}", "[null]", "true", "{\"\":{}}")));
        }
        return bytes(mutateTree(valid.deepCopy(), 5 + random.nextInt(10)).toString());
    }

    private JsonNode mutateTree(JsonNode root, int mutations) {
        JsonNode tree = root;
        for (int i = 0; i < mutations; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(tree, slots);
            if (slots.isEmpty()) {
                return oddValue();
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            int how = random.nextInt(10);
            if (slot.parent() instanceof ObjectNode object) {
                switch (how) {
                    case 0 -> object.remove(slot.name());
                    case 1 -> object.set("unknown_" + random.nextInt(1000), oddValue());
                    case 2 -> object.set(slot.name(), NODES.arrayNode().add(object.get(slot.name())));
                    case 3 -> object.set(slot.name(), NODES.objectNode().set("value", object.get(slot.name())));
                    case 4 -> object.set(slot.name(), NODES.arrayNode().add(NODES.nullNode()));
                    default -> object.set(slot.name(), oddValue());
                }
            } else if (slot.parent() instanceof ArrayNode array) {
                switch (how) {
                    case 0 -> array.remove(slot.index());
                    case 1 -> array.set(slot.index(), NODES.nullNode());
                    case 2 -> {
                        for (int copies = 0; copies < 1 + random.nextInt(3); copies++) {
                            array.add(array.get(slot.index()).deepCopy());
                        }
                    }
                    default -> array.set(slot.index(), oddValue());
                }
            }
        }
        return tree;
    }

    private record Slot(JsonNode parent, String name, int index) {}

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                slots.add(new Slot(object, property.getKey(), -1));
                collect(property.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    private JsonNode oddValue() {
        int kind = random.nextInt(12);
        if (kind == 0) {
            return NODES.objectNode();
        }
        if (kind == 1) {
            return NODES.arrayNode();
        }
        if (kind == 2) {
            return NODES.arrayNode().add(NODES.nullNode()).add(NODES.stringNode("x"));
        }
        return pick(ODD_VALUES);
    }

    /** The text of {@code valid} with one of its objects naming a key twice (the second value differs). */
    private String duplicateKey(JsonNode valid) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(valid, objects);
        String text = valid.toString();
        if (objects.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        if (object.isEmpty()) {
            return text;
        }
        String objectText = object.toString();
        var names = new ArrayList<String>();
        object.propertyNames().forEach(names::add);
        String name = pick(names);
        String twice = objectText.substring(0, objectText.length() - 1) + "," + JSON.writeValueAsString(name) + ":"
                + oddValue() + "}";
        int at = text.indexOf(objectText);
        return at < 0 ? text : text.substring(0, at) + twice + text.substring(at + objectText.length());
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.values().forEach(child -> collectObjects(child, objects));
    }

    /** A field's value nested far deeper than any body needs: arrays or objects, hundreds to thousands deep. */
    private String deepNesting(JsonNode valid) {
        int depth = pick(List.of(200, 1_001, 5_000));
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String deep = open.repeat(depth) + "1" + close.repeat(depth);
        if (valid instanceof ObjectNode object && !object.isEmpty()) {
            String name = object.propertyNames().iterator().next();
            return "{" + JSON.writeValueAsString(name) + ":" + deep + "}";
        }
        return deep;
    }

    /** A path segment a careless or hostile client might put where an id goes (already percent-encoded). */
    public String oddPathSegment() {
        return pick(List.of(
                "%00",
                "%ff",
                "..%2F..%2Fadmin",
                "a%2Fb",
                "%2e%2e",
                "x".repeat(10_000),
                "%F0%9F%98%80",
                "%u0041",
                "%",
                "a;b=c",
                "%0d%0aSet-Cookie:%20x=1",
                "dorder_%22%3E%3Cscript%3E",
                "$where",
                "%7B%22$gt%22:%22%22%7D"));
    }

    /** A {@code Content-Type} that is not plain JSON (or null: none). */
    public String oddContentType() {
        return pick(java.util.Arrays.asList(
                null,
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=UTF-16",
                "application/json; charset=nonsense",
                "multipart/form-data; boundary=x",
                "garbage",
                "application/*"));
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
