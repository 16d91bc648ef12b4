package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
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

        String checkedIn = Files.readString(Path.of("schema.graphqls"));

        assertThat(print(new SchemaParser().buildRegistry(served)))
                .isEqualTo(print(new SchemaParser().parse(checkedIn)));
    }

    @Test
    void everyMutationOfShopifysDraftOrderReferenceIsServedWithUserErrors() {
        var response = graphQl(newStore(), "{ __schema { mutationType { fields { name type { name fields { name"
                + " type { ofType { ofType { name } } } } } } } } }", null);

        var fields = data(response).path("__schema").path("mutationType").path("fields");
        assertThat(fields.valueStream().map(f -> f.path("name").asString()))
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
        fields.forEach(f -> assertThat(f.path("type").path("fields").valueStream()
                        .map(p -> p.path("name").asString()))
                .as(f.path("name").asString())
                .contains("userErrors"));
    }

    private static String print(TypeDefinitionRegistry registry) {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        return PRINTER.print(schema);
    }
}
