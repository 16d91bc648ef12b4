package com.draftorders.draft.web;

import java.util.List;
import java.util.Map;

/**
 * A Relay connection as GraphQL reads it ({@code edges}, {@code nodes}, {@code pageInfo}). The connections of this
 * API page themselves (keyset cursors), and Spring for GraphQL passes a value whose class name ends in
 * {@code Connection} through unchanged instead of adapting it as a Spring Data window.
 */
record GraphQlConnection(List<Map<String, Object>> edges, List<?> nodes, Map<String, Object> pageInfo) {

    /** A connection of nodes only (the schema's small lists such as metafields). */
    static GraphQlConnection ofNodes(List<?> nodes) {
        return new GraphQlConnection(List.of(), nodes, Map.of("hasNextPage", false, "hasPreviousPage", false));
    }
}
