package org.travesia.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.ops.compose.ComposeFileTest.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.Role;
import org.travesia.platform.security.SecurityProperties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Keycloak realm export ({@code keycloak/travesia-realm.json}) is the README's recipe as a file: realm
 * {@code travesia}, the four roles (and the audit operator's), and the tokens the services accept: the roles where
 * the compose file tells the services to look, the organisation as one string claim under the name the services
 * read, and the audience they require. Only an administrator may set a user's organisation.
 */
class KeycloakRealmTest {

    private final JsonNode realm = ComposeFiles.json("keycloak/travesia-realm.json");
    private final Map<String, Object> serviceEnvironment = map(map(map(ComposeFiles.yaml("docker-compose.yml"),
            "services"), "command-service"), "environment");

    @Test
    void theRealmHoldsEveryRoleTheServicesKnow() {
        List<String> roles = new ArrayList<>();
        realm.at("/roles/realm").forEach(role -> roles.add(role.get("name").asText()));

        assertThat(realm.get("realm").asText()).isEqualTo("travesia");
        for (Role role : Role.values()) {
            assertThat(roles).contains(role.name().toLowerCase(Locale.ROOT));
        }
        assertThat(roles).contains("operator", "audit_operator");
        assertThat(String.valueOf(serviceEnvironment.get("TRAVESIA_SECURITY_OIDC_ISSUER_URI")))
                .endsWith("/realms/" + realm.get("realm").asText());
        assertThat(serviceEnvironment.get("TRAVESIA_SECURITY_OIDC_ROLES_CLAIM"))
                .as("Keycloak puts realm roles there").isEqualTo("realm_access.roles");
    }

    @Test
    void accessTokensCarryTheOrganisationAsOneStringClaimAndTheServicesAudience() {
        JsonNode client = realm.get("clients").get(0);
        JsonNode organisation = mapper(client, "oidc-usermodel-attribute-mapper");
        JsonNode audience = mapper(client, "oidc-audience-mapper");
        String claimTheServicesRead = new SecurityProperties.Oidc(null, null, null, null, null, null, null)
                .organisationClaim();

        assertThat(organisation.at("/config/user.attribute").asText()).isEqualTo("organisation");
        assertThat(organisation.at("/config/claim.name").asText()).isEqualTo(claimTheServicesRead);
        assertThat(organisation.at("/config/access.token.claim").asText()).isEqualTo("true");
        assertThat(organisation.at("/config/jsonType.label").asText()).isEqualTo("String");
        assertThat(organisation.at("/config/multivalued").asText()).isEqualTo("false");
        assertThat(audience.at("/config/included.custom.audience").asText())
                .isEqualTo(serviceEnvironment.get("TRAVESIA_SECURITY_OIDC_AUDIENCE"));
        assertThat(client.get("publicClient").asBoolean()).isTrue();
        assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as("no passwords through clients").isFalse();
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
    }

    /** A user who could set their own organisation could read another organisation's reports. */
    @Test
    void onlyAnAdministratorMaySetAUsersOrganisation() throws Exception {
        JsonNode provider = realm.at("/components/org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = new ObjectMapper().readTree(provider.at("/config/kc.user.profile.config").get(0).asText());
        JsonNode organisation = null;
        for (JsonNode attribute : profile.get("attributes")) {
            if (attribute.get("name").asText().equals("organisation")) {
                organisation = attribute;
            }
        }

        assertThat(organisation).isNotNull();
        assertThat(organisation.at("/permissions/edit")).extracting(JsonNode::asText).containsExactly("admin");
        assertThat(organisation.get("multivalued").asBoolean()).isFalse();
        assertThat(profile.get("unmanagedAttributePolicy").asText()).isNotEqualTo("ENABLED");
    }

    private static JsonNode mapper(JsonNode client, String type) {
        for (JsonNode mapper : client.get("protocolMappers")) {
            if (mapper.get("protocolMapper").asText().equals(type)) {
                return mapper;
            }
        }
        throw new AssertionError("No " + type + " on client " + client.get("clientId").asText());
    }
}
