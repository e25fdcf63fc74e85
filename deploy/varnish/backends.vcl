# Two Broadsheet instances on this machine (deploy/varnish-two-instances writes its own copy with the ports it chose).
backend a {
    .host = "127.0.0.1";
    .port = "8081";
    .probe = readyz;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend b {
    .host = "127.0.0.1";
    .port = "8082";
    .probe = readyz;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}
