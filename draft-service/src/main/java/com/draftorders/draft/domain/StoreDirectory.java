package com.draftorders.draft.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stores draft-service serves, and which stores an upstream channel may write for. A request for a store that
 * is not known is refused ({@code unknown_store}); a channel that has an allow-list may write only for the stores on
 * it ({@code store_not_allowed}); a channel without one may write for every known store.
 *
 * <p>Entries are store ids; an entry ending in {@code *} admits every store id starting with what precedes it (e.g.
 * {@code test-*}), and {@code *} alone admits every store — meant for development and tests.
 */
public final class StoreDirectory {

    private final Set<String> exact;
    private final List<String> prefixes;
    private final Map<String, StoreDirectory> channels;

    /**
     * @param knownStores the stores served (entries as described above)
     * @param channelStores per channel, the stores it may write for (a subset of the known ones is meaningful:
     *     a store must be known and allowed)
     */
    public StoreDirectory(Collection<String> knownStores, Map<String, ? extends Collection<String>> channelStores) {
        this.exact = knownStores.stream()
                .filter(s -> s != null && !s.isBlank() && !s.endsWith("*"))
                .map(String::strip)
                .collect(Collectors.toUnmodifiableSet());
        this.prefixes = knownStores.stream()
                .filter(s -> s != null && s.strip().endsWith("*"))
                .map(s -> s.strip().substring(0, s.strip().length() - 1))
                .toList();
        this.channels = channelStores.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> new StoreDirectory(e.getValue(), Map.of())));
    }

    /** Every store in {@code knownStores}, no channel restricted. */
    public static StoreDirectory of(String... knownStores) {
        return new StoreDirectory(List.of(knownStores), Map.of());
    }

    public boolean isKnown(String storeId) {
        if (storeId == null || storeId.isBlank()) {
            return false;
        }
        return exact.contains(storeId) || prefixes.stream().anyMatch(storeId::startsWith);
    }

    /** Whether {@code channel} may write for {@code storeId}: empty when it may, else why not. */
    public Optional<RequestRejection> admit(String storeId, String channel) {
        if (!isKnown(storeId)) {
            return Optional.of(RequestRejection.unknownStore(storeId));
        }
        var allowed = channel == null ? null : channels.get(channel);
        if (allowed != null && !allowed.isKnown(storeId)) {
            return Optional.of(RequestRejection.storeNotAllowed(channel, storeId));
        }
        return Optional.empty();
    }
}
