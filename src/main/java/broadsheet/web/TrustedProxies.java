package broadsheet.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Which load balancers or CDN nodes may tell us the reader's address and scheme. Only when the direct
 * peer is one of them are {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed; the reader's
 * address is then the nearest one in the chain that is not a trusted proxy. Anyone else could forge those
 * headers, so by default none is trusted and the peer's own address is used (sign-in throttling and the
 * audit log depend on this). Every line of a forwarded header counts, in order: a client's forged line
 * comes before the one its proxy adds, so reading only the first line would believe the client.
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
        List<String> hops = values(ctx, "X-Forwarded-For");
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i))) return hops.get(i);
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** The scheme the nearest trusted proxy saw: the last value of {@code X-Forwarded-Proto}, which that proxy set. */
    public String scheme(Context ctx) {
        if (trusted(ctx.req().getRemoteAddr())) {
            List<String> protos = values(ctx, "X-Forwarded-Proto");
            String proto = protos.isEmpty() ? "" : protos.get(protos.size() - 1);
            if (proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("http")) return proto.toLowerCase(Locale.ROOT);
        }
        return ctx.req().getScheme();
    }

    /**
     * Every comma-separated value of a header, in order, over all its lines: a proxy may add its own line
     * rather than extend the client's, and the client's own lines come first either way.
     */
    private static List<String> values(Context ctx, String header) {
        List<String> out = new ArrayList<>();
        for (String line : Collections.list(ctx.req().getHeaders(header))) {
            for (String part : line.split(",")) {
                if (!part.isBlank()) out.add(part.strip());
            }
        }
        return out;
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
                throw new IllegalArgumentException("BROADSHEET_TRUSTED_PROXIES: \"" + text + "\" is not an IP address or CIDR range");
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
