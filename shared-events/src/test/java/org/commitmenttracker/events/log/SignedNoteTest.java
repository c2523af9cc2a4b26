package org.commitmenttracker.events.log;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signed-note format against the vectors of Go's reference implementation,
 * golang.org/x/mod {@code sumdb/note/note_test.go} (golang/mod commit
 * 02c991387e35f9e4c0a9b7ce137717055f8d716d): the key pair "PeterNeumann", its verifier key, and
 * the exact note {@code TestSign} expects. Ed25519 signatures are deterministic, so ours must be
 * byte for byte the same.
 */
class SignedNoteTest {

    private static final String SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String SIGNED = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String ENOCH_SIGNATURE =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    /** The Go signer key is base64(0x01 || seed) after "PRIVATE+KEY+name+id+". */
    private static Ed25519Keys.SigningKey peter() {
        byte[] encoded = Base64.getDecoder().decode(SIGNER_KEY.split("\\+", 5)[4]);
        assertThat(encoded[0]).isEqualTo((byte) 1);
        return Ed25519Keys.fromSeed(Arrays.copyOfRange(encoded, 1, 33));
    }

    @Test
    void theVerifierKeyOfGosExampleKeyIsGosOwn() {
        Ed25519Keys.SigningKey peter = peter();
        SignedNote.VerifierKey key = SignedNote.VerifierKey.of("PeterNeumann", peter.publicKey());

        assertThat(key.keyIdHex()).isEqualTo("c74f20a3");
        assertThat(key.toString()).isEqualTo(VERIFIER_KEY);
        assertThat(SignedNote.VerifierKey.parse(VERIFIER_KEY).toString()).isEqualTo(VERIFIER_KEY);
    }

    @Test
    void signingGosExampleTextGivesGosExactNote() {
        Ed25519Keys.SigningKey peter = peter();
        assertThat(SignedNote.sign(TEXT, "PeterNeumann", peter.privateKey(), peter.publicKey())).isEqualTo(SIGNED);
    }

    @Test
    void openingChecksTheSignatureOfTheNamedKeyOnly() {
        SignedNote.VerifierKey peter = SignedNote.VerifierKey.parse(VERIFIER_KEY);
        SignedNote.VerifierKey enoch = SignedNote.VerifierKey.parse(ENOCH_KEY);

        assertThat(SignedNote.open(SIGNED, peter)).contains(TEXT);
        // Go's TestOpen: a note with both signatures opens for either key
        assertThat(SignedNote.open(SIGNED + ENOCH_SIGNATURE, enoch)).contains(TEXT);
        assertThat(SignedNote.open(SIGNED, enoch)).isEmpty();
        assertThat(SignedNote.open(SIGNED.replace("problem,", "problem."), peter)).isEmpty();
        assertThat(SignedNote.open(SIGNED.replace("x08go", "xxxxo"), peter)).isEmpty();
        assertThat(SignedNote.open(TEXT, peter)).isEmpty();
    }

    @Test
    void manglesOfTheVerifierKeyAreRefused() {
        assertThatThrownBy(() -> SignedNote.VerifierKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.VerifierKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.VerifierKey.parse("PeterNeumann+c74f20a3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyGoesThroughPemAndBack() {
        Ed25519Keys.SigningKey key = Ed25519Keys.generate();
        Ed25519Keys.SigningKey again = Ed25519Keys.fromPem(Ed25519Keys.toPem(key.privateKey()));
        assertThat(again.publicKey()).isEqualTo(key.publicKey());
        String note = SignedNote.sign("log\n1\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n", "log",
                again.privateKey(), again.publicKey());
        assertThat(SignedNote.open(note, SignedNote.VerifierKey.of("log", key.publicKey()))).isPresent();
    }
}
