package org.commitmenttracker.query.subscription;

import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which webhook targets may be called. A subscription must not turn the service into a way to
 * reach what sits beside it: targets that resolve to loopback, link-local (cloud metadata),
 * private or unspecified addresses are refused, at creation and again before each delivery
 * (a name may resolve elsewhere later). Loopback only where configuration allows it.
 */
@Component
class TargetPolicy {

    private final boolean allowLoopback;

    TargetPolicy(WebhookProperties properties) {
        this.allowLoopback = properties.allowLoopback();
    }

    /** Why the target is refused, in words for the subscriber; empty when it may be called. */
    Optional<String> refusal(URI target) {
        if (target.getScheme() == null || !(target.getScheme().equals("http") || target.getScheme().equals("https"))) {
            return Optional.of("the URL must be http or https");
        }
        if (target.getHost() == null || target.getRawUserInfo() != null || target.getRawFragment() != null) {
            return Optional.of("the URL must name a host, without credentials or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowLoopback) {
                    return Optional.of("the host resolves to a loopback address");
                }
            } else if (isInternal(address)) {
                return Optional.of("the host resolves to a private, link-local or unspecified address");
            }
        }
        return Optional.empty();
    }

    private static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second < 128)   // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)  // protocol assignments
                    || (first == 198 && (second == 18 || second == 19))         // benchmarking
                    || first >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;                   // unique local fc00::/7
        }
        return false;
    }
}
