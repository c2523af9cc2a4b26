package org.commitmenttracker.events.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * C2SP signed-note (the format of Go's {@code golang.org/x/mod/sumdb/note}) with Ed25519 keys:
 * the note's text, an empty line, then one line per signature,
 * {@code "— " name " " base64(key id || signature)}. The key id is the first 4 bytes of
 * {@code SHA-256(name || 0x0A || 0x01 || public key)}; the verifier key is written
 * {@code name+<key id in 8 hex digits>+base64(0x01 || public key)}.
 */
public final class SignedNote {

    private static final byte ED25519 = 0x01;
    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** A verifier: the key's name, its id and its 32 public bytes. */
    public record VerifierKey(String name, byte[] keyId, byte[] publicKey) {

        public static VerifierKey of(String name, byte[] publicKey) {
            checkName(name);
            return new VerifierKey(name, SignedNote.keyId(name, publicKey), publicKey.clone());
        }

        /** Parses {@code name+hex+base64}, refusing a key whose id does not match its name and bytes. */
        public static VerifierKey parse(String text) {
            String[] parts = text.trim().split("\\+", 3);
            if (parts.length != 3 || parts[1].length() != 8) {
                throw new IllegalArgumentException("a verifier key reads name+keyid+base64");
            }
            byte[] encoded;
            try {
                encoded = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the verifier key's last part is not base64", e);
            }
            if (encoded.length != 33 || encoded[0] != ED25519) {
                throw new IllegalArgumentException("not an Ed25519 verifier key");
            }
            VerifierKey key = of(parts[0], Arrays.copyOfRange(encoded, 1, 33));
            if (!HexFormat.of().formatHex(key.keyId()).equals(parts[1])) {
                throw new IllegalArgumentException("the verifier key's id does not match its name and key");
            }
            return key;
        }

        public String keyIdHex() {
            return HexFormat.of().formatHex(keyId);
        }

        @Override
        public String toString() {
            byte[] encoded = new byte[33];
            encoded[0] = ED25519;
            System.arraycopy(publicKey, 0, encoded, 1, 32);
            return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(encoded);
        }
    }

    /** First 4 bytes of SHA-256(name || "\n" || 0x01 || public key). */
    public static byte[] keyId(String name, byte[] publicKey) {
        MessageDigest digest = MerkleTree.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        return Arrays.copyOf(digest.digest(publicKey), 4);
    }

    /** The note: the text (ending in a line feed), an empty line, the signature line. */
    public static String sign(String text, String name, PrivateKey key, byte[] publicKey) {
        checkText(text);
        checkName(name);
        byte[] signature;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            signature = ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
        byte[] line = new byte[4 + signature.length];
        System.arraycopy(keyId(name, publicKey), 0, line, 0, 4);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * The text of the note when one of its signatures is the key's and verifies; empty when the
     * note is malformed or has no valid signature of that key (other signatures are ignored).
     */
    public static Optional<String> open(String note, VerifierKey key) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            return Optional.empty();
        }
        String text = note.substring(0, split + 1);
        PublicKey publicKey = Ed25519Keys.publicKey(key.publicKey());
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                return Optional.empty();
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(key.name())) {
                continue;
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (decoded.length != 68 || !Arrays.equals(Arrays.copyOf(decoded, 4), key.keyId())) {
                continue;
            }
            if (verifies(publicKey, text, Arrays.copyOfRange(decoded, 4, 68))) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static boolean verifies(PublicKey key, String text, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void checkText(String text) {
        if (!text.endsWith("\n") || text.contains("\n\n") || text.isEmpty()) {
            throw new IllegalArgumentException("a note's text ends in a line feed and has no empty line");
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a key name is not empty and has no '+' or space");
        }
    }
}
