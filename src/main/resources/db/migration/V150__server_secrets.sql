-- Random keys every instance must share (such as the one that signs the sign-in form's token), each made
-- once by whichever instance first needs it. Never shown anywhere; deleting a row makes a new key, which
-- only turns forms already open in browsers into "out of date".
CREATE TABLE server_secrets (
    name   text PRIMARY KEY,
    secret bytea NOT NULL CHECK (length(secret) >= 32)
);
