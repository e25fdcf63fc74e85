package broadsheet.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which load balancers or CDN nodes may tell us the reader's address and scheme. Only when the direct
 * peer is one of them are {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed; the reader's
 * address is then the nearest one in the chain that is not a trusted proxy. Anyone else could forge those
 * headers, so by default none is trusted and the peer's own address is used (sign-in throttling and the
 * audit log depend on this).
 */
public final class TrustedProxies {
    private final List<Range> ranges = new ArrayList<>();

    /** From a comma-separated list of addresses and CIDR ranges, e.g. {@code 10.0.0.0/8, 192.168.1.5}. */
    public TrustedProxies(String spec) {
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (!p.isEmpty()) ranges.add(Range.parse(p));
        }
    }

    public String ip(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!trusted(peer)) return peer;
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) return peer;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted(hop)) return hop;
        }
        return hops[0].strip();
    }

    public String scheme(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        if (proto != null && trusted(ctx.req().getRemoteAddr()) && (proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("http"))) {
            return proto.toLowerCase();
        }
        return ctx.req().getScheme();
    }

    boolean trusted(String address) {
        if (ranges.isEmpty() || address == null) return false;
        byte[] bytes;
        try {
            if (!address.matches("[0-9a-fA-F:.]+")) return false;
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        for (Range r : ranges) if (r.contains(bytes)) return true;
        return false;
    }

    private record Range(byte[] base, int bits) {
        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                if (!parts[0].matches("[0-9a-fA-F:.]+")) throw new UnknownHostException();
                byte[] base = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : base.length * 8;
                if (bits < 0 || bits > base.length * 8) throw new NumberFormatException();
                return new Range(base, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new broadsheet.Config.ConfigException("BROADSHEET_TRUSTED_PROXIES: \"" + text + "\" is not an IP address or CIDR range");
            }
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) return false;
            int full = bits / 8;
            for (int i = 0; i < full; i++) if (address[i] != base[i]) return false;
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (base[full] & mask);
        }
    }
}
