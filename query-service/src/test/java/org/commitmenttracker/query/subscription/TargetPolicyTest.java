package org.commitmenttracker.query.subscription;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only IP literals here, and a stand-in resolver for names: nothing is resolved over a network. */
class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(properties(false));
    private final TargetPolicy local = new TargetPolicy(properties(true));

    /** Issue 15, finding 3, and the forms around it: each reaches something beside the service. */
    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4 loopback, private, link-local (cloud metadata), unspecified, shared and reserved
            "http://127.0.0.1/hook", "http://127.1.2.3:8080/hook", "http://127.255.255.254/", "http://127.1/",
            "http://2130706433/", "http://10.0.0.1/", "http://10.1/", "http://10.255.255.255/", "http://172.16.0.1/",
            "http://172.31.255.255/", "http://192.168.0.1/", "http://192.168.255.255/", "http://169.254.169.254/latest",
            "http://169.254.43518/", "http://169.254.0.1/", "http://0.0.0.0/", "http://0.1.2.3/", "http://100.64.0.1/",
            "http://100.127.255.254/", "http://192.0.0.1/", "http://198.18.0.1/", "http://198.19.255.255/",
            "http://224.0.0.1/", "http://239.255.255.250/", "http://240.0.0.1/", "http://255.255.255.255/",
            // IPv6 loopback, unspecified, link-local, unique local (AWS metadata fd00:ec2::254), site-local, multicast
            "http://[::1]/hook", "http://[::]/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
            "http://[fd00:ec2::254]/", "http://[fec0::1]/", "http://[ff02::1]/", "http://[ff05::1:3]/",
            // IPv4-mapped
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:10.0.0.1]/",
            "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/", "http://[::ffff:192.168.0.1]/",
            "http://[::ffff:0.0.0.0]/", "http://[0:0:0:0:0:ffff:ac10:1]/",
            // IPv4-compatible
            "http://[::a9fe:a9fe]/", "http://[::169.254.169.254]/", "http://[::127.0.0.1]/", "http://[::7f00:1]/",
            "http://[::10.0.0.1]/", "http://[::192.168.1.1]/", "http://[::172.16.0.1]/", "http://[::100.64.0.1]/",
            "http://[0:0:0:0:0:0:a9fe:a9fe]:8080/",
            // NAT64, well-known prefix and local-use prefix
            "http://[64:ff9b::169.254.169.254]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[64:ff9b::127.0.0.1]/",
            "http://[64:ff9b::10.0.0.1]/", "http://[64:ff9b::c0a8:1]/", "http://[64:ff9b:1::a9fe:a9fe]/",
            "http://[64:ff9b:1:ffff::1]/",
            // 6to4
            "http://[2002:a9fe:a9fe::1]/", "http://[2002:7f00:1::1]/", "http://[2002:a00:1::]/",
            "http://[2002:c0a8:101::1]/", "http://[2002:ac10:1:1::1]/", "http://[2002:6440:1::1]/",
            // Teredo: client 127.0.0.1, 169.254.169.254, 10.0.0.1 (obfuscated); server 10.0.0.1
            "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "http://[2001:0:4136:e378:8000:63bf:5601:5601]/",
            "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", "http://[2001:0:a00:1::a2d3:cbde]/",
            // ISATAP
            "http://[2001:db8:1:2:0:5efe:a9fe:a9fe]/", "http://[2001:db8:1:2:200:5efe:7f00:1]/",
            // not http, or with credentials or a fragment
            "file:///etc/passwd", "gopher://93.184.216.34/", "ftp://93.184.216.34/", "jar:http://93.184.216.34/!/",
            "http://user:password@93.184.216.34/", "http://93.184.216.34/#@127.0.0.1", "http:///nohost"})
    void refusesTargetsBesideTheService(String url) {
        assertThat(strict.refusal(URI.create(url))).isPresent();
    }

    /** The local stack allows loopback, but not loopback or metadata in an IPv6 disguise. */
    @ParameterizedTest
    @ValueSource(strings = {"http://[::127.0.0.1]/", "http://[::7f00:1]/", "http://[64:ff9b::127.0.0.1]/",
            "http://[2002:7f00:1::1]/", "http://[::a9fe:a9fe]/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/"})
    void embeddedLoopbackIsRefusedEvenWhereLoopbackIsAllowed(String url) {
        assertThat(local.refusal(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hooks/tracker", "http://[2606:2800:220:1::1]:8443/hook",
            "http://[::ffff:93.184.216.34]/", "http://[64:ff9b::93.184.216.34]/", "http://[2002:5db8:d822::1]/"})
    void acceptsPublicTargets(String url) {
        assertThat(strict.refusal(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "http://[::1]/hook"})
    void loopbackOnlyWhereAllowed(String url) {
        assertThat(local.refusal(URI.create(url))).isEmpty();
        assertThat(local.refusal(URI.create("http://10.0.0.1/hook"))).isPresent();
    }

    @Test
    void aNameThatResolvesElsewhereAfterTheCheckIsRefusedAtDelivery() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TargetPolicy rebinding = new TargetPolicy(properties(false), host -> new InetAddress[]{
                InetAddress.getByName(lookups.incrementAndGet() == 1 ? "93.184.216.34" : "169.254.169.254")});

        assertThat(rebinding.refusal(URI.create("https://hooks.example.org/tracker"))).isEmpty();
        assertThatThrownBy(() -> rebinding.resolveAllowed("hooks.example.org"))
                .isInstanceOf(TargetPolicy.RefusedTarget.class)
                .hasMessageContaining("link-local");
    }

    @Test
    void oneRefusedAddressAmongSeveralRefusesTheName() {
        TargetPolicy mixed = new TargetPolicy(properties(false), host -> new InetAddress[]{
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("::ffff:10.0.0.1")});

        assertThat(mixed.refusal(URI.create("https://hooks.example.org/"))).isPresent();
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        TargetPolicy nowhere = new TargetPolicy(properties(false), host -> {
            throw new UnknownHostException(host);
        });

        assertThat(nowhere.refusal(URI.create("https://nowhere.example.org/"))).contains("the host does not resolve");
    }

    private static WebhookProperties properties(boolean allowLoopback) {
        return new WebhookProperties(allowLoopback, null, null, null, null, null, null);
    }
}
