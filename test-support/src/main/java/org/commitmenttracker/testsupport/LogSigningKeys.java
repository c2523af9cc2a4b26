package org.commitmenttracker.testsupport;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Ephemeral Ed25519 keys for the log's checkpoints in tests: the query service refuses to start
 * without one (README, configuration), and no test key belongs in the repository.
 */
public final class LogSigningKeys {

    private LogSigningKeys() {
    }

    /** A fresh private key as PKCS#8 PEM, the form {@code TRACKER_LOG_SIGNING_KEY} takes. */
    public static String ephemeralPem() {
        try {
            byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }
}
