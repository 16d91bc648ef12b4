package com.draftorders.stack;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;

/**
 * The embedded MongoDB server presenting itself as the primary of a single-member replica set, so that a connection
 * string naming the replica set ({@code replicaSet=rs0}) connects as it does to compose's mongod: the driver
 * discovers the set through {@code hello}, requires {@code setName} to match, and from then on uses the member
 * address the set reports ({@code mongo:27017} in compose) instead of the one in the connection string.
 * mongo-java-server answers {@code isMaster} as a standalone and does not know {@code hello}; this answers both.
 */
final class ReplicaSetMember extends EmbeddedMongoBackend {

    private final String setName;
    private final String member;

    /**
     * @param setName the replica set's name ({@code mongod --replSet})
     * @param member the address the member was initiated with ({@code host:port})
     */
    ReplicaSetMember(String fileName, String setName, String member) {
        super(fileName, false);
        this.setName = setName;
        this.member = member;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!command.equalsIgnoreCase("hello") && !command.equalsIgnoreCase("ismaster")) {
            return super.handleCommand(channel, database, command, query);
        }
        Document reply = super.handleCommand(channel, database, "isMaster", query);
        reply.put("isWritablePrimary", Boolean.TRUE);
        reply.put("ismaster", Boolean.TRUE);
        reply.put("secondary", Boolean.FALSE);
        reply.put("setName", setName);
        reply.put("setVersion", 1);
        reply.put("hosts", List.of(member));
        reply.put("primary", member);
        reply.put("me", member);
        return reply;
    }
}
