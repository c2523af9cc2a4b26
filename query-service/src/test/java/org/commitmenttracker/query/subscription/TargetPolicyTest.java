package org.commitmenttracker.query.subscription;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Only IP literals here: nothing is resolved over a network. */
class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(properties(false));
    private final TargetPolicy local = new TargetPolicy(properties(true));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://127.1.2.3:8080/hook", "http://[::1]/hook",
            "http://10.0.0.1/", "http://172.31.255.255/", "http://192.168.0.1/", "http://169.254.169.254/latest",
            "http://0.0.0.0/", "http://100.64.0.1/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[::]/",
            "http://224.0.0.1/", "http://255.255.255.255/", "http://[::ffff:10.0.0.1]/", "file:///etc/passwd",
            "http://user:password@93.184.216.34/"})
    void refusesTargetsBesideTheService(String url) {
        assertThat(strict.refusal(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hooks/tracker", "http://[2606:2800:220:1::1]:8443/hook"})
    void acceptsPublicTargets(String url) {
        assertThat(strict.refusal(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "http://[::1]/hook"})
    void loopbackOnlyWhereAllowed(String url) {
        assertThat(local.refusal(URI.create(url))).isEmpty();
        assertThat(local.refusal(URI.create("http://10.0.0.1/hook"))).isPresent();
    }

    private static WebhookProperties properties(boolean allowLoopback) {
        return new WebhookProperties(allowLoopback, null, null, null, null, null);
    }
}
