package org.travesia.query.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.travesia.kernel.common.InvalidValueException;

/**
 * Which URLs a webhook may call: {@code https://} (or {@code http://} to loopback, in the local profile), with a host
 * whose every address is public. Loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10), link-local (169.254/16,
 * fe80::/10, cloud metadata services), unique-local (fc00::/7), multicast and unspecified addresses are refused
 * unless the operator allows private targets or names the host. Checked when a webhook is registered and again
 * before every delivery, since what a name resolves to may change.
 */
final class WebhookTargets {

    private final WebhookProperties properties;
    private final boolean localProfile;

    WebhookTargets(WebhookProperties properties, boolean localProfile) {
        this.properties = properties;
        this.localProfile = localProfile;
    }

    /** The URL, checked; refused with a stable code on the {@code url} field. */
    URI check(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null || uri.getUserInfo() != null
                || url.length() > 2000) {
            throw new InvalidValueException("url", "webhook.url.invalid");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidValueException("url", "webhook.url.unresolvable");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        boolean loopbackHttpAllowed = properties.allowLoopbackHttp() != null ? properties.allowLoopbackHttp()
                : localProfile;
        if (!scheme.equals("https") && !(scheme.equals("http") && allLoopback && loopbackHttpAllowed)) {
            throw new InvalidValueException("url", "webhook.url.https-required");
        }
        boolean exempt = properties.allowPrivateTargets() || (allLoopback && loopbackHttpAllowed)
                || properties.allowedHosts().contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!exempt) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new InvalidValueException("url", "webhook.url.private-target");
                }
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isV4Mapped(b);
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean carrierGradeNat = first == 100 && second >= 64 && second <= 127;
        boolean thisNetwork = first == 0;
        boolean benchmarking = first == 198 && (second == 18 || second == 19);
        return !carrierGradeNat && !thisNetwork && !benchmarking && first < 224;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
