package org.gridgov.identity.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

/** The key a deployment gives every replica as a PEM Secret: all replicas sign and publish the same one. */
class SigningKeyTest {

    @Test
    void every_replica_given_the_same_pem_has_the_same_key_and_key_id() throws Exception {
        String pem = pem(2048);

        RSAKey first = SigningKey.load(pem, null);
        RSAKey second = SigningKey.load(pem + "\n", null);

        assertThat(first.isPrivate()).isTrue();
        assertThat(first.getKeyID()).isNotBlank().isEqualTo(second.getKeyID());
        assertThat(first.toPublicJWK()).isEqualTo(second.toPublicJWK());
    }

    @Test
    void without_a_pem_or_a_directory_each_start_has_its_own_key() {
        assertThat(SigningKey.load("", null).getKeyID()).isNotEqualTo(SigningKey.load(null, null).getKeyID());
    }

    @Test
    void a_short_key_or_something_else_is_refused_at_start_with_the_reason() throws Exception {
        assertThatThrownBy(() -> SigningKey.load(pem(1024), null)).hasMessageContaining("1024 bits");
        assertThatThrownBy(() -> SigningKey.load("not a key", null)).hasMessageContaining("PKCS#8 PEM");
        assertThatThrownBy(() -> SigningKey.load("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", null))
                .hasMessageContaining("RSA private key");
    }

    private static String pem(int bits) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
