package org.commitmenttracker.query.subscription;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        // The test vector of the Standard Webhooks reference libraries.
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void secretsAreWhsecAndThirtyTwoRandomBytes() {
        String one = WebhookSignature.newSecret();
        String other = WebhookSignature.newSecret();

        assertThat(one).startsWith("whsec_").isNotEqualTo(other);
        assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
    }
}
