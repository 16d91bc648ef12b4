package com.draftorders.payment.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The providers this service may use: the implementations it has, narrowed to the ones enabled by configuration. */
public final class PaymentProviders {

    private final Map<String, PaymentProvider> enabled = new LinkedHashMap<>();

    /**
     * @param available every implementation on hand
     * @param enabledNames the names to enable; each must name one of {@code available}
     * @throws IllegalArgumentException when an enabled name has no implementation
     */
    public PaymentProviders(Collection<? extends PaymentProvider> available, List<String> enabledNames) {
        Map<String, PaymentProvider> byName = new LinkedHashMap<>();
        for (PaymentProvider provider : available) {
            byName.put(normalize(provider.name()), provider);
        }
        for (String name : enabledNames) {
            PaymentProvider provider = byName.get(normalize(name));
            if (provider == null) {
                throw new IllegalArgumentException(
                        "payment provider '" + name + "' is enabled but not available; available: " + byName.keySet());
            }
            enabled.put(normalize(name), provider);
        }
    }

    public static PaymentProviders of(PaymentProvider... providers) {
        List<PaymentProvider> all = List.of(providers);
        return new PaymentProviders(all, all.stream().map(PaymentProvider::name).toList());
    }

    /** The enabled provider of that name (case-insensitive), if any. */
    public Optional<PaymentProvider> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(enabled.get(normalize(name)));
    }

    public List<String> names() {
        return List.copyOf(enabled.keySet());
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
