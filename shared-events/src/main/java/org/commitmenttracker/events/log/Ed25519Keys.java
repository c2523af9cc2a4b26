package org.commitmenttracker.events.log;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Ed25519 keys of the JDK, to and from PKCS#8 PEM and the raw 32 bytes the signed-note format uses. */
public final class Ed25519Keys {

    /** The DER before the 32-byte seed in a PKCS#8 Ed25519 key (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    /** The DER before the 32-byte public key in an X.509 SubjectPublicKeyInfo (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {
    }

    /** A private key and its public key's 32 bytes. */
    public record SigningKey(PrivateKey privateKey, byte[] publicKey) {
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), rawPublicKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** A PKCS#8 key in PEM ({@code -----BEGIN PRIVATE KEY-----}), or its bare base64. */
    public static SigningKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return fromSeed(((EdECPrivateKey) key).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the key holds no Ed25519 seed")));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    /**
     * The key of a 32-byte seed (RFC 8032). The JDK derives no public key from a private one, but
     * its generator makes the pair of the seed it draws, so it is given exactly this seed to draw.
     */
    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = generator.generateKeyPair();
            byte[] drawn = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(drawn, seed)) {
                throw new IllegalStateException("the JDK's Ed25519 generator did not take the seed");
            }
            return new SigningKey(pair.getPrivate(), rawPublicKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    public static String toPem(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
        byte[] der = new byte[PKCS8_PREFIX.length + 32];
        System.arraycopy(PKCS8_PREFIX, 0, der, 0, PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, 32);
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
    }

    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] der = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }
}
