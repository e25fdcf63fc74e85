# Varnish in front of Broadsheet instances (Varnish 7 with vmod xkey from Debian's varnish-modules).
#
# - Caches what the instances mark shareable (Cache-Control: public, s-maxage) and nothing else: never an answer that
#   is private, no-store or no-cache, sets a cookie or varies by Cookie, and never a request from a signed-in reader
#   (bs_reader) or member of staff (bs_session), a gift link, the newsroom, an account page or an API write.
# - Drops cookies the site does not read (analytics, tracking), so they neither split nor bypass the cache.
# - Purges by surrogate key: PURGE with "xkey-purge: key1 key2" drops every object labelled with any of the keys (the
#   instances label answers with Surrogate-Key and send these purges themselves, see BROADSHEET_CDN_URLS); BAN drops
#   everything. Only from the addresses in acl purgers.
# - Spreads requests over the instances round-robin, skipping any whose /readyz does not answer 200 (an instance
#   stopping answers 503 first), and tries a failed fetch once more on the next instance.
# - Says X-Cache: HIT, MISS or PASS on every answer.
#
# The backends are in backends.vcl beside this file (or earlier on vcl_path): two backends named a and b, each with
# .probe = readyz. deploy/varnish-two-instances writes one for its two instances.
vcl 4.1;

import directors;
import std;
import xkey;

# healthy while at least 3 of the last 5 checks (one a second) answered 200 within 2 s: a stopping instance is left
# out about 3 s after its /readyz turns 503, and a busy one is not left out for one slow answer
probe readyz {
    .url = "/readyz";
    .interval = 1s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
    .expected_response = 200;
}

include "backends.vcl";

# who may purge: the instances (on this machine here; list their addresses when they run elsewhere)
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(a);
    instances.add_backend(b);
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the surrogate keys in xkey-purge"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to ban"));
        }
        ban("obj.status != 0");
        return (synth(200, "Banned everything"));
    }

    set req.backend_hint = instances.backend();

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # each instance's own health and metrics; personal areas; gift links (each reader's own page)
    if (req.url ~ "^/(healthz|readyz|metrics)(\?|$)" || req.url ~ "^/(newsroom|account|gift)(/|\?|$)" || req.url ~ "^/api/admin(/|\?|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # a signed-in reader or member of staff: their pages are theirs, never taken from or put into the cache
    if (req.http.Cookie ~ "(^|;\s*)(bs_reader|bs_session)=") {
        return (pass);
    }
    # keep only the site's own cookies (bs_*: the meter, a gift's, the form token); drop analytics and tracking ones
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, ";\s*", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(bs_[A-Za-z0-9_]+)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # anonymous: look it up even with the site's own cookies, since what an instance marks public is the same for
    # every anonymous visitor; an answer that depends on a cookie is marked private and is never stored (below)
    return (hash);
}

sub vcl_backend_response {
    # a stopping or unreachable instance's refusal: try the next instance once (reads only)
    if (beresp.status == 503 && bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # the instances' word on what may be shared
    if (beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" || !beresp.http.Cache-Control
            || beresp.http.Set-Cookie || beresp.http.Vary ~ "(?i)cookie") {
        # remembered for two minutes as "fetch this afresh each time" (hit-for-miss), so requests do not queue behind it
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # xkey reads an object's keys from the xkey header
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # served stale while it is fetched again, as stale-while-revalidate allows; longer while no instance answers
    if (beresp.grace < 10s) {
        set beresp.grace = 10s;
    }
    set beresp.keep = 1h;
    return (deliver);
}

sub vcl_backend_error {
    # an instance that refused the connection (stopped, or stopping): try the next one once
    if (bereq.retries < 1) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # labels for the cache, not for readers
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
