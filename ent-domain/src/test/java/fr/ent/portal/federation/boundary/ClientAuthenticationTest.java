package fr.ent.portal.federation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;

import fr.ent.portal.credential.control.Tokens;
import fr.ent.portal.federation.entity.OidcClient;

/** The token endpoint's client authentication: the secret's hash for a confidential client, nothing for a public one. */
class ClientAuthenticationTest {

    static final String SECRET = Tokens.newToken();
    static final OidcClient CONFIDENTIAL = new OidcClient("ent-c", Tokens.hash(SECRET), Instant.EPOCH);
    static final OidcClient PUBLIC = new OidcClient("ent-p", null, Instant.EPOCH);

    @Test
    void basicAndPostWithTheRightSecretPass() {
        assertNull(OidcProvider.authenticationRefusal(CONFIDENTIAL, new ClientSecretBasic(new ClientID("ent-c"), new Secret(SECRET))));
        assertNull(OidcProvider.authenticationRefusal(CONFIDENTIAL, new ClientSecretPost(new ClientID("ent-c"), new Secret(SECRET))));
    }

    @Test
    void aWrongOrMissingSecretIsRefused() {
        assertEquals("invalid_client:secret", OidcProvider.authenticationRefusal(CONFIDENTIAL,
                new ClientSecretBasic(new ClientID("ent-c"), new Secret(SECRET + "x"))));
        assertEquals("invalid_client:secret", OidcProvider.authenticationRefusal(CONFIDENTIAL,
                new ClientSecretPost(new ClientID("ent-c"), new Secret(Tokens.hash(SECRET)))), "the stored hash is no secret");
        assertEquals("invalid_client:no_secret", OidcProvider.authenticationRefusal(CONFIDENTIAL, null));
    }

    @Test
    void aPublicClientSendsNoSecret() {
        assertNull(OidcProvider.authenticationRefusal(PUBLIC, null));
        assertEquals("invalid_client:public_with_secret", OidcProvider.authenticationRefusal(PUBLIC,
                new ClientSecretBasic(new ClientID("ent-p"), new Secret("anything"))));
    }
}
