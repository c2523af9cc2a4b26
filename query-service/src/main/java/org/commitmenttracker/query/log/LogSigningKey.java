package org.commitmenttracker.query.log;

import org.commitmenttracker.events.log.Ed25519Keys;
import org.commitmenttracker.events.log.SignedNote;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Ed25519 key that signs the log's checkpoints. It comes from the environment
 * ({@code TRACKER_LOG_SIGNING_KEY}, PKCS#8 PEM text) or a file ({@code TRACKER_LOG_SIGNING_KEY_FILE})
 * and lives in memory only: never in the database, which is what the checkpoints guard against.
 * Without a key the service refuses to start.
 */
@Component
public class LogSigningKey {

    private final String origin;
    private final Ed25519Keys.SigningKey key;
    private final SignedNote.VerifierKey verifierKey;

    LogSigningKey(@Value("${tracker.log.origin}") String origin,
                  @Value("${tracker.log.signing-key:}") String pem,
                  @Value("${tracker.log.signing-key-file:}") String file) {
        this.origin = origin;
        this.key = Ed25519Keys.fromPem(pemText(pem, file));
        this.verifierKey = SignedNote.VerifierKey.of(origin, key.publicKey());
    }

    private static String pemText(String pem, String file) {
        if (pem != null && !pem.isBlank()) {
            return pem;
        }
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the log signing key file " + file
                        + " (TRACKER_LOG_SIGNING_KEY_FILE)", e);
            }
        }
        throw new IllegalStateException("No log signing key: set TRACKER_LOG_SIGNING_KEY to an Ed25519 private key "
                + "in PKCS#8 PEM, or TRACKER_LOG_SIGNING_KEY_FILE to a file holding one "
                + "(e.g. openssl genpkey -algorithm ed25519). The checkpoints of the log cannot be signed without it.");
    }

    /** The log's origin, also the key's name in the signed notes. */
    public String origin() {
        return origin;
    }

    public SignedNote.VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The signed note of a text (a checkpoint's body). */
    public String sign(String text) {
        return SignedNote.sign(text, origin, key.privateKey(), key.publicKey());
    }
}
