package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema the service serves, as a tool sees it through introspection, is the checked-in
 * {@code draft-service/schema.graphqls}: the contract an integrator reads is the one that runs.
 */
class GraphQlSchemaTest extends GraphQlTestSupport {

    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeDirectives(false)
            .includeScalarTypes(true)
            .includeSchemaDefinition(true)
            .includeIntrospectionTypes(false));

    @Test
    void introspectionShowsExactlyTheCheckedInSchema() throws IOException {
        var response = graphQl(newStore(), IntrospectionQuery.INTROSPECTION_QUERY, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> introspection = JSON.treeToValue(data(response), Map.class);
        Document served = new IntrospectionResultToSchema().createSchemaDefinition(introspection);

        // the file's # comments are notes for its readers, not part of the schema
        String checkedIn = Files.readString(Path.of("schema.graphqls")).replaceAll("(?m)^#.*\\R", "");

        String servedSdl = print(new SchemaParser().buildRegistry(served));
        String checkedInSdl = print(new SchemaParser().parse(checkedIn));
        Files.writeString(Path.of("target", "served-schema.graphqls"), servedSdl);
        Files.writeString(Path.of("target", "checked-in-schema.graphqls"), checkedInSdl);
        assertThat(servedSdl)
                .as("the served schema (target/served-schema.graphqls) is schema.graphqls")
                .isEqualTo(checkedInSdl);
    }

    @Test
    void everyMutationOfShopifysDraftOrderReferenceIsServedWithUserErrors() {
        var response = graphQl(newStore(), IntrospectionQuery.INTROSPECTION_QUERY, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> introspection = JSON.treeToValue(data(response), Map.class);
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
                .buildRegistry(new IntrospectionResultToSchema().createSchemaDefinition(introspection)));

        var mutations = schema.getMutationType().getFieldDefinitions();
        assertThat(mutations)
                .extracting(GraphQLFieldDefinition::getName)
                .containsExactlyInAnyOrder(
                        "draftOrderCreate",
                        "draftOrderUpdate",
                        "draftOrderCalculate",
                        "draftOrderComplete",
                        "draftOrderCreateFromOrder",
                        "draftOrderDuplicate",
                        "draftOrderInvoiceSend",
                        "draftOrderDelete",
                        "draftOrderBulkAddTags",
                        "draftOrderBulkRemoveTags",
                        "draftOrderBulkDelete");
        for (GraphQLFieldDefinition mutation : mutations) {
            var payload = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(mutation.getType());
            assertThat(payload.getFieldDefinition("userErrors"))
                    .as(mutation.getName() + " has userErrors")
                    .isNotNull();
        }
        assertThat(schema.getObjectType("UserError").getFieldDefinitions())
                .extracting(GraphQLFieldDefinition::getName)
                .containsExactly("field", "message", "code");
    }

    private static String print(TypeDefinitionRegistry registry) {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        return PRINTER.print(schema);
    }
}
