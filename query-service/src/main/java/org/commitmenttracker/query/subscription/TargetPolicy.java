package org.commitmenttracker.query.subscription;

import com.google.common.net.InetAddresses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which webhook targets may be called. A subscription must not turn the service into a way to
 * reach what sits beside it: targets that resolve to loopback, link-local (cloud metadata),
 * private or unspecified addresses are refused, also when such an IPv4 address hides in an
 * IPv6 form (mapped, compatible, NAT64, 6to4, Teredo, ISATAP). Checked at creation, and again
 * at delivery by {@link #resolveAllowed}, the only resolver the delivery client has: it
 * connects to exactly the addresses checked, so a name that resolves elsewhere later (DNS
 * rebinding) gains nothing. Loopback only where configuration allows it.
 */
@Component
class TargetPolicy {

    /** Resolves a host name to its addresses; the system resolver outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host refused at delivery: the connection is never opened. */
    static final class RefusedTarget extends UnknownHostException {
        RefusedTarget(String reason) {
            super(reason);
        }
    }

    private static final byte[] NAT64_WELL_KNOWN = {0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] NAT64_LOCAL_USE = {0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0x00, 0x01};

    private final boolean allowLoopback;
    private final Resolver resolver;

    @Autowired
    TargetPolicy(WebhookProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    TargetPolicy(WebhookProperties properties, Resolver resolver) {
        this.allowLoopback = properties.allowLoopback();
        this.resolver = resolver;
    }

    /** Why the target is refused, in words for the subscriber; empty when it may be called. */
    Optional<String> refusal(URI target) {
        if (target.getScheme() == null || !(target.getScheme().equals("http") || target.getScheme().equals("https"))) {
            return Optional.of("the URL must be http or https");
        }
        if (target.getHost() == null || target.getRawUserInfo() != null || target.getRawFragment() != null) {
            return Optional.of("the URL must name a host, without credentials or fragment");
        }
        try {
            resolveAllowed(target.getHost());
            return Optional.empty();
        } catch (RefusedTarget refused) {
            return Optional.of(refused.getMessage());
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
    }

    /** The host's addresses when every one of them may be called; else a {@link RefusedTarget} saying why. */
    InetAddress[] resolveAllowed(String host) throws UnknownHostException {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(literal);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedTarget(refusal.get());
            }
        }
        return Arrays.copyOf(addresses, addresses.length);
    }

    Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet6Address ipv6) {
            if (startsWith(ipv6.getAddress(), NAT64_LOCAL_USE)) {
                return Optional.of("the host resolves to a NAT64 address of the local network");
            }
            for (Inet4Address embedded : embeddedIPv4(ipv6)) {
                // Loopback in disguise is never meant: only plain loopback may be allowed.
                if (embedded.isLoopbackAddress() || isInternal(embedded)) {
                    return Optional.of("the host resolves to an IPv6 form of a loopback, private, link-local or "
                            + "unspecified IPv4 address");
                }
            }
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("the host resolves to a loopback address");
        }
        if (isInternal(address)) {
            return Optional.of("the host resolves to a private, link-local or unspecified address");
        }
        return Optional.empty();
    }

    /**
     * Every IPv4 address an IPv6 address carries: Guava decodes the compatible, 6to4, Teredo
     * (client and server) and ISATAP forms; NAT64's well-known prefix 64:ff9b::/96 (RFC 6052)
     * carries it in the last 32 bits. The mapped form ::ffff:a.b.c.d reaches us as IPv4 already.
     */
    static List<Inet4Address> embeddedIPv4(Inet6Address address) {
        List<Inet4Address> embedded = new ArrayList<>();
        if (InetAddresses.hasEmbeddedIPv4ClientAddress(address)) {
            embedded.add(InetAddresses.getEmbeddedIPv4ClientAddress(address));
        }
        if (InetAddresses.isTeredoAddress(address)) {
            embedded.add(InetAddresses.getTeredoInfo(address).getServer());
        }
        if (InetAddresses.isIsatapAddress(address)) {
            embedded.add(InetAddresses.getIsatapIPv4Address(address));
        }
        byte[] bytes = address.getAddress();
        if (startsWith(bytes, NAT64_WELL_KNOWN)) {
            embedded.add(InetAddresses.fromInteger(ByteBuffer.wrap(bytes, 12, 4).getInt()));
        }
        return embedded;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
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
                    || first == 127                             // loopback (here only in an IPv6 form)
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
